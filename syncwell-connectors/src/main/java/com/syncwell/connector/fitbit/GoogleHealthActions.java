package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.syncwell.connector.http.ActionTable;
import com.syncwell.connector.http.HttpAction;
import com.syncwell.connector.http.HttpResult;
import com.syncwell.connector.http.RetryAfter;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The Google Health API's action table. Errors are Google's {@code {"error":{"code","status",
 * "details":[{"reason"}]}}}; the OAuth endpoints answer {@code {"error":"invalid_grant"}}.
 *
 * <ul>
 *   <li>401 → renew the token once, then revoked (ProviderHttp)
 *   <li>429 or {@code RESOURCE_EXHAUSTED} → throttled until {@code Retry-After}, else until the
 *       next minute boundary (the per-user limit is 300 per minute)
 *   <li>{@code invalid_grant} → revoked
 *   <li>5xx ({@code UNAVAILABLE}, {@code DEADLINE_EXCEEDED}, …) and 408 → retry
 *   <li>403 {@code PERMISSION_DENIED} → fail: a scope of that data type was not granted (partial
 *       consent) or the account was not moved to Google. A revoked grant shows as 401 or {@code
 *       invalid_grant}, never as 403, so the connection is not marked revoked for one type
 *   <li>400 ({@code INVALID_ARGUMENT}, filter errors), 404 (an HTML page for unknown paths), 412
 *       and any other 4xx → fail
 * </ul>
 *
 * Reasons carry status, canonical status and reason code only, never the message text.
 */
final class GoogleHealthActions implements ActionTable {

  @Override
  public HttpAction classify(HttpResult result, Instant now) {
    int s = result.status();
    if (result.isSuccess()) {
      return new HttpAction.Proceed();
    }
    if (s == 401) {
      return new HttpAction.RenewToken();
    }
    ErrorBody error = ErrorBody.of(result);
    if (s == 429 || "RESOURCE_EXHAUSTED".equals(error.status)) {
      return new HttpAction.Throttle(
          RetryAfter.parse(result.headers(), now)
              .orElse(now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES)));
    }
    if ("invalid_grant".equals(error.oauthError)) {
      return new HttpAction.Revoke("the grant was revoked or has expired (invalid_grant)");
    }
    if (s >= 500 || s == 408) {
      return new HttpAction.Retry("HTTP " + s + error.describe());
    }
    if (s == 403) {
      return new HttpAction.Fail(
          "HTTP 403"
              + error.describe()
              + ": a scope for this data type was not granted, or the account is not on Google"
              + " Health");
    }
    return new HttpAction.Fail("HTTP " + s + error.describe());
  }

  /** What an error body says, as far as it is Google's JSON. */
  private record ErrorBody(String status, String reason, String oauthError) {
    static ErrorBody of(HttpResult result) {
      try {
        JsonNode root = GoogleJson.MAPPER.readTree(result.body());
        if (root == null) {
          return new ErrorBody(null, null, null);
        }
        JsonNode error = root.path("error");
        if (error.isTextual()) {
          return new ErrorBody(null, null, error.asText());
        }
        String reason = null;
        for (JsonNode d : error.path("details")) {
          if (d.hasNonNull("reason")) {
            reason = d.get("reason").asText();
          }
        }
        return new ErrorBody(
            error.hasNonNull("status") ? error.get("status").asText() : null, reason, null);
      } catch (IOException | RuntimeException e) {
        return new ErrorBody(null, null, null); // HTML 404 pages and other non-JSON bodies
      }
    }

    String describe() {
      StringBuilder b = new StringBuilder();
      if (status != null) {
        b.append(' ').append(status);
      }
      if (reason != null) {
        b.append(" (").append(reason).append(')');
      }
      if (oauthError != null) {
        b.append(' ').append(oauthError);
      }
      return b.toString();
    }
  }
}
