package com.syncwell.testkit;

import java.util.List;

/**
 * Planted secrets: tests that exercise logging use these as a user id, client secrets and a token,
 * and a check at the end of the build fails when any of them shows up in any module's test output
 * ({@code target/surefire-reports/*-output.txt}). Secrets only a running test knows (a minted
 * token) are appended to {@value #RUNTIME_FILE} under the module's {@code target} directory.
 */
public final class LogCanaries {
  /** A user id (the {@code sub} of a dev token); must appear only as its keyed hash. */
  public static final String USER_ID = "canary-user-7f3a9c2e";

  /** A provider's OAuth client secret. */
  public static final String FITBIT_CLIENT_SECRET = "canary-fitbit-secret-5b1e90d4";

  /** Another provider's OAuth client secret. */
  public static final String STRAVA_CLIENT_SECRET = "canary-strava-secret-a41c77f0";

  /** A webhook verification token. */
  public static final String STRAVA_VERIFY_TOKEN = "canary-verify-token-2d8e6b13";

  /** File (under a module's {@code target}) of secrets made while tests ran, one a line. */
  public static final String RUNTIME_FILE = "log-canaries.txt";

  private LogCanaries() {}

  /** Every fixed canary. */
  public static List<String> fixed() {
    return List.of(USER_ID, FITBIT_CLIENT_SECRET, STRAVA_CLIENT_SECRET, STRAVA_VERIFY_TOKEN);
  }
}
