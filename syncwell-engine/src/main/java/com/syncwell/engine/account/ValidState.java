package com.syncwell.engine.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A genuine, unexpired state issued for the same user, provider and redirect URI.
 *
 * @param nonce its random part, to be recorded as used
 * @param expiresAt when it stops being valid
 */
public record ValidState(String nonce, Instant expiresAt) implements StateVerdict {
  public ValidState {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
