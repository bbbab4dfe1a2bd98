package com.syncwell.connector.strava;

import com.syncwell.connector.http.ActionTable;
import com.syncwell.connector.http.HttpAction;
import com.syncwell.connector.http.HttpResult;
import java.time.Instant;

/**
 * Strava's answers to actions: 401 → renew the token once (but a missing permission is revoked at
 * once: a new token carries the same scopes); 429 → throttled until the next quarter hour, or the
 * next midnight UTC when a daily count is used up; a 400 from the token endpoint saying the refresh
 * token or code is invalid → revoked; 5xx and 408 → retry; every other 4xx (404 included) → fail.
 */
public final class StravaActionTable implements ActionTable {

  @Override
  public HttpAction classify(HttpResult result, Instant now) {
    int status = result.status();
    if (result.isSuccess()) {
      return new HttpAction.Proceed();
    }
    if (status == 401) {
      String body = result.bodyText();
      if (body.contains("_permission") && body.contains("\"missing\"")) {
        return new HttpAction.Revoke("the grant lacks a permission SyncWell needs; connect again");
      }
      return new HttpAction.RenewToken();
    }
    if (status == 429) {
      return new HttpAction.Throttle(StravaRateLimits.resetAfterLimit(result.headers(), now));
    }
    if (status == 400 && isInvalidGrant(result.bodyText())) {
      return new HttpAction.Revoke("Strava refused the grant (invalid refresh token or code)");
    }
    if (status >= 500 || status == 408) {
      return new HttpAction.Retry("HTTP " + status);
    }
    return new HttpAction.Fail("HTTP " + status);
  }

  /**
   * Strava answers a bad refresh token or code with {@code 400 {"message":"Bad Request","errors":
   * [{"resource":"RefreshToken","field":"refresh_token","code":"invalid"}]}}; standard OAuth
   * servers (the simulator may be one) say {@code "error":"invalid_grant"}.
   */
  private static boolean isInvalidGrant(String body) {
    return body.contains("invalid_grant")
        || ((body.contains("\"RefreshToken\"") || body.contains("\"AuthorizationCode\""))
            && body.contains("\"invalid\""));
  }
}
