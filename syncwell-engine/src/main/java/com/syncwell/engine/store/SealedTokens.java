package com.syncwell.engine.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A connection's token set as stored: ciphertext of a {@link com.syncwell.engine.port.TokenCipher},
 * bound to the connection item's key. Open it with {@link ConnectionStore#tokens}. The array is
 * copied in and out; {@link #toString()} shows only the length.
 */
public record SealedTokens(byte[] ciphertext) {
  public SealedTokens {
    ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealedTokens s && Arrays.equals(ciphertext, s.ciphertext);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "SealedTokens[" + ciphertext.length + " bytes]";
  }
}
