package com.syncwell.api.v1;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Problem;
import com.syncwell.api.http.Route;
import com.syncwell.engine.account.AuthorizationCompletion;
import com.syncwell.engine.account.AuthorizationStart;
import com.syncwell.engine.account.AuthorizationStarted;
import com.syncwell.engine.account.CompleteAuthorization;
import com.syncwell.engine.account.CompleteAuthorizationOutcome;
import com.syncwell.engine.account.Connected;
import com.syncwell.engine.account.ConnectionDeleted;
import com.syncwell.engine.account.ConnectionFound;
import com.syncwell.engine.account.ConnectionNotFound;
import com.syncwell.engine.account.DeleteConnection;
import com.syncwell.engine.account.GetConnection;
import com.syncwell.engine.account.ListConnections;
import com.syncwell.engine.account.Refusal;
import com.syncwell.engine.account.StartAuthorization;
import com.syncwell.engine.store.Connection;
import java.time.Clock;
import java.util.List;

/**
 * Connections to provider accounts: {@code POST /v1/connections/authorizations} starts an OAuth
 * authorization (PKCE; returns the provider's URL and a signed, expiring {@code state}), {@code
 * POST /v1/connections} completes it (201 with the new connection, 200 when an existing connection
 * of the same provider account was authorized again), {@code GET /v1/connections}, {@code GET,
 * DELETE /v1/connections/{id}} (DELETE revokes at the provider, removes dependent sync configs,
 * 204). Responses never carry tokens.
 */
public final class ConnectionRoutes {
  private final StartAuthorization startAuthorization;
  private final CompleteAuthorization completeAuthorization;
  private final ListConnections listConnections;
  private final GetConnection getConnection;
  private final DeleteConnection deleteConnection;
  private final Clock clock;

  public ConnectionRoutes(
      StartAuthorization startAuthorization,
      CompleteAuthorization completeAuthorization,
      ListConnections listConnections,
      GetConnection getConnection,
      DeleteConnection deleteConnection,
      Clock clock) {
    this.startAuthorization = startAuthorization;
    this.completeAuthorization = completeAuthorization;
    this.listConnections = listConnections;
    this.getConnection = getConnection;
    this.deleteConnection = deleteConnection;
    this.clock = clock;
  }

  record ConnectionView(
      String connectionId, String provider, String status, String createdAt, String updatedAt) {
    static ConnectionView of(Connection c) {
      return new ConnectionView(
          c.connectionId(),
          c.provider(),
          c.status().name(),
          c.createdAt().toString(),
          c.updatedAt().toString());
    }
  }

  record ConnectionList(List<ConnectionView> items) {}

  record StartBody(String provider, String redirectUri, String codeChallenge) {}

  record StartedView(String authorizationUrl, String state) {}

  record CompleteBody(
      String provider, String code, String codeVerifier, String state, String redirectUri) {}

  public List<Route> routes() {
    return List.of(
        Route.user("POST", "/v1/connections/authorizations", this::start),
        Route.user("POST", "/v1/connections", this::complete),
        Route.user("GET", "/v1/connections", this::list),
        Route.user("GET", "/v1/connections/{id}", this::get),
        Route.user("DELETE", "/v1/connections/{id}", this::delete));
  }

  private ApiResponse start(ApiRequest request) {
    StartBody body = request.bodyAs(StartBody.class);
    AuthorizationStart start =
        new AuthorizationStart(
            Input.required(body.provider(), "provider"),
            Input.required(body.redirectUri(), "redirectUri"),
            Input.required(body.codeChallenge(), "codeChallenge"));
    return switch (startAuthorization.start(request.user(), start)) {
      case AuthorizationStarted s ->
          ApiResponse.json(200, new StartedView(s.authorizationUrl().toString(), s.state()));
      case Refusal r -> refused(r, request);
    };
  }

  private ApiResponse complete(ApiRequest request) {
    CompleteBody body = request.bodyAs(CompleteBody.class);
    AuthorizationCompletion completion =
        new AuthorizationCompletion(
            Input.required(body.provider(), "provider"),
            Input.required(body.code(), "code"),
            Input.required(body.codeVerifier(), "codeVerifier"),
            Input.required(body.state(), "state"),
            Input.required(body.redirectUri(), "redirectUri"));
    CompleteAuthorizationOutcome outcome =
        completeAuthorization.complete(request.user(), completion);
    return switch (outcome) {
      case Connected c -> {
        ApiResponse r =
            ApiResponse.json(c.created() ? 201 : 200, ConnectionView.of(c.connection()));
        yield c.created()
            ? r.withHeader("Location", "/v1/connections/" + c.connection().connectionId())
            : r;
      }
      case Refusal r -> refused(r, request);
    };
  }

  private ApiResponse list(ApiRequest request) {
    return ApiResponse.json(
        200,
        new ConnectionList(
            listConnections.list(request.user()).stream().map(ConnectionView::of).toList()));
  }

  private ApiResponse get(ApiRequest request) {
    String id = request.pathParam("id");
    if (!Input.isId(id)) {
      return refused(new ConnectionNotFound(id), request);
    }
    return switch (getConnection.get(request.user(), id)) {
      case ConnectionFound f -> ApiResponse.json(200, ConnectionView.of(f.connection()));
      case ConnectionNotFound n -> refused(n, request);
    };
  }

  private ApiResponse delete(ApiRequest request) {
    String id = request.pathParam("id");
    if (!Input.isId(id)) {
      return refused(new ConnectionNotFound(id), request);
    }
    return switch (deleteConnection.delete(request.user(), id)) {
      case ConnectionDeleted d -> ApiResponse.empty(204);
      case ConnectionNotFound n -> refused(n, request);
    };
  }

  private ApiResponse refused(Refusal refusal, ApiRequest request) {
    Problem problem = Refusals.problem(refusal);
    ApiResponse response = problem.toResponse(request.correlationId());
    return Refusals.retryAfter(refusal, clock)
        .map(s -> response.withHeader("Retry-After", s))
        .orElse(response);
  }
}
