package com.syncwell.api.auth;

import java.util.Objects;

/** What {@link Authenticator#authenticate} decided. */
public sealed interface AuthOutcome {

  /**
   * A verified token.
   *
   * @param userId the SyncWell user id, mapped per issuer (Firebase {@code sub}; Cognito {@code
   *     custom:firebase_uid}, else {@code sub}; dev {@code sub}) so one person is one user
   *     whichever identity provider signed them in
   * @param issuer which identity provider verified it: {@code firebase}, {@code cognito} or {@code
   *     dev} (a closed set, safe as a metric dimension)
   */
  record Authenticated(String userId, String issuer) implements AuthOutcome {
    public Authenticated {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public String toString() {
      return "Authenticated[" + issuer + "]";
    }
  }

  /**
   * A refused token: the API answers 401 problem+json with {@code failure.code()}.
   *
   * @param detail a human sentence for the problem's {@code detail}; never contains the token
   */
  record Rejected(AuthFailure failure, String detail) implements AuthOutcome {
    public Rejected {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
