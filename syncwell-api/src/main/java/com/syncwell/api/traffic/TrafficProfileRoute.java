package com.syncwell.api.traffic;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Problem;
import com.syncwell.api.http.Route;
import com.syncwell.api.ops.AdminToken;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /v1/admin/traffic-profile}: the recorder's {@link TrafficExport}, for operators only.
 * Without an admin token configured the route answers 404 as if it did not exist; with one, a
 * request without that exact bearer token gets 401. Not a user route: user tokens do not open it
 * and it does not count against a user's bucket (the per-IP window still applies).
 */
public final class TrafficProfileRoute {
  public static final String PATH = "/v1/admin/traffic-profile";

  private final TrafficRecorder recorder;
  private final Optional<AdminToken> token;

  public TrafficProfileRoute(TrafficRecorder recorder, Optional<AdminToken> token) {
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.token = Objects.requireNonNull(token, "token");
  }

  public Route route() {
    return Route.open("GET", PATH, this::export);
  }

  private ApiResponse export(ApiRequest request) {
    if (token.isEmpty()) {
      return Problem.of(404, "not_found", "No resource at this path.")
          .toResponse(request.correlationId());
    }
    if (!token.get().admits(request.headers().first("Authorization"))) {
      return Problem.of(401, "admin_token_required", "This route needs the operator's token.")
          .toResponse(request.correlationId())
          .withHeader("WWW-Authenticate", "Bearer realm=\"syncwell-admin\"");
    }
    return ApiResponse.json(200, recorder.export());
  }
}
