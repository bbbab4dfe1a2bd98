package com.syncwell.api.auth;

import java.util.Locale;

/** Why a bearer token was refused; {@link #code()} is the stable problem+json {@code code}. */
public enum AuthFailure {
  /** No {@code Authorization} header, or not a {@code Bearer} one. */
  MISSING_TOKEN,
  /** Larger than 8 KiB. */
  TOKEN_TOO_LARGE,
  /** Not a parseable compact JWS. */
  MALFORMED_TOKEN,
  /** {@code alg} other than RS256 (including {@code none} and HS256). */
  UNSUPPORTED_ALGORITHM,
  /** {@code iss} is not an enabled identity provider. */
  UNKNOWN_ISSUER,
  /** No key with the token's {@code kid} in the issuer's JWKS, even after a refresh. */
  UNKNOWN_KEY,
  /** The issuer's JWKS could not be fetched and no earlier copy is kept. */
  KEYS_UNAVAILABLE,
  /** The signature does not verify. */
  INVALID_SIGNATURE,
  /** {@code aud} (or Cognito {@code client_id}) is not the configured one. */
  WRONG_AUDIENCE,
  /** A Cognito token that is neither an id token nor an access token of this client. */
  WRONG_TOKEN_USE,
  /** {@code exp} passed (beyond the allowed skew) or missing. */
  TOKEN_EXPIRED,
  /** {@code nbf} in the future (beyond the allowed skew). */
  TOKEN_NOT_YET_VALID,
  /** {@code iat} in the future (beyond the allowed skew) or missing. */
  ISSUED_IN_FUTURE,
  /** No usable subject (or mapped user id claim). */
  MISSING_SUBJECT;

  /** The stable wire code, e.g. {@code token_expired}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
