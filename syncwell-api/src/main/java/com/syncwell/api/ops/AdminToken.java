package com.syncwell.api.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operator's bearer token for {@code /v1/admin/**} routes ({@code SYNCWELL_ADMIN_TOKEN}): 32 to
 * 256 characters of {@code A-Z a-z 0-9 . _ ~ + / = -}. Compared in constant time; its string form
 * never shows the value.
 */
public final class AdminToken {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._~+/=-]{32,256}");

  private final byte[] value;

  private AdminToken(String value) {
    this.value = value.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * @throws IllegalArgumentException when {@code value} is not of the form above (the message never
   *     quotes it)
   */
  public static AdminToken of(String value) {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "must be 32 to 256 characters of A-Z a-z 0-9 . _ ~ + / = -");
    }
    return new AdminToken(value);
  }

  /** Whether an {@code Authorization} header carries this token as a bearer token. */
  public boolean admits(Optional<String> authorization) {
    if (authorization.isEmpty() || !authorization.get().startsWith("Bearer ")) {
      return false;
    }
    byte[] offered =
        authorization.get().substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(offered, value);
  }

  @Override
  public String toString() {
    return "AdminToken[****]";
  }
}
