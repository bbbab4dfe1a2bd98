package com.syncwell.api.v1;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Problem;
import com.syncwell.api.http.Route;
import com.syncwell.api.webhook.WebhookReceiver;
import com.syncwell.api.webhook.WebhookReply;
import com.syncwell.api.webhook.WebhookRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET, POST /v1/webhooks/{provider}}: hands the raw request (method, query, headers, body
 * bytes) to the receiver of that provider and renders its reply; an unknown provider is 404. No
 * bearer token: receivers verify the provider's own secret or signature.
 */
public final class WebhookRoutes {
  private final Map<String, WebhookReceiver> receivers;

  public WebhookRoutes(List<WebhookReceiver> receivers) {
    Map<String, WebhookReceiver> byProvider = new LinkedHashMap<>();
    for (WebhookReceiver r : receivers) {
      if (byProvider.put(r.provider(), r) != null) {
        throw new IllegalArgumentException("two webhook receivers for " + r.provider());
      }
    }
    this.receivers = Map.copyOf(byProvider);
  }

  public List<Route> routes() {
    return List.of(
        Route.open("GET", "/v1/webhooks/{provider}", this::receive).withRawBody(),
        Route.open("POST", "/v1/webhooks/{provider}", this::receive).withRawBody());
  }

  private ApiResponse receive(ApiRequest request) {
    WebhookReceiver receiver = receivers.get(request.pathParam("provider"));
    if (receiver == null) {
      return Problem.of(404, "not_found", "No webhook endpoint for this provider.")
          .toResponse(request.correlationId());
    }
    WebhookReply reply =
        receiver.handle(
            new WebhookRequest(
                request.method(),
                request.query(),
                request.headers().asMap(),
                request.body(),
                request.correlationId()));
    if (reply.code().isPresent() && reply.status() >= 400) {
      return Problem.of(reply.status(), reply.code().get(), reply.detail())
          .toResponse(request.correlationId());
    }
    if (reply.status() >= 400) {
      return Problem.of(reply.status(), "webhook_refused", "The webhook was refused.")
          .toResponse(request.correlationId());
    }
    if (reply.json().isPresent()) {
      return ApiResponse.json(reply.status(), reply.jsonBytes());
    }
    return new ApiResponse(reply.status(), Optional.empty(), Map.of(), new byte[0]);
  }
}
