package com.syncwell.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.connector.strava.StravaWebhookEvent;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.sync.ProviderChangeSyncs;
import com.syncwell.engine.sync.RequestSyncOnProviderChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Strava push subscription endpoint ({@code strava}; PROVIDERS.md).
 *
 * <ul>
 *   <li>{@code GET} validation ({@code hub.mode=subscribe}, {@code hub.verify_token}, {@code
 *       hub.challenge}): 200 {@code {"hub.challenge":"…"}} when the token matches (constant-time),
 *       403 for a wrong token, 400 for a request that is not a validation.
 *   <li>{@code POST} event: Strava does not sign events, so the only check is that {@code
 *       subscription_id} is ours (403 and nothing happens otherwise). {@code owner_id} is routed
 *       through the provider account's owner item; an unknown athlete is ignored (200, nothing
 *       said). Activity {@code create} or {@code update} requests a coalesced workout sync of an
 *       ACTIVE connection; activity {@code delete} does nothing (SyncWell does not propagate
 *       deletions: the copy at the destination and the ledger entry stay, so the history is kept);
 *       athlete {@code updates.authorized == "false"} (deauthorization) sets the connection
 *       REVOKED, version-checked. Everything else in the event (titles, types, ids) is ignored.
 * </ul>
 *
 * <p>404 when the verify token (for GET) or the subscription id (for POST) is not configured. Only
 * store reads and writes and an enqueue happen here, never a provider call.
 */
public final class StravaWebhookReceiver implements WebhookReceiver {
  public static final String PROVIDER = "strava";

  private static final Logger LOG = LoggerFactory.getLogger(StravaWebhookReceiver.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final StravaWebhookSettings settings;
  private final WebhookAccounts accounts;
  private final RequestSyncOnProviderChange syncs;

  public StravaWebhookReceiver(
      StravaWebhookSettings settings,
      ConnectionStore connections,
      RequestSyncOnProviderChange syncs) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.accounts = new WebhookAccounts(connections);
    this.syncs = Objects.requireNonNull(syncs, "syncs");
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public WebhookReply handle(WebhookRequest request) {
    return switch (request.method()) {
      case "GET" -> validate(request);
      case "POST" -> event(request);
      default ->
          WebhookReply.refused(
              405, "method_not_allowed", "Strava webhooks are GET (validation) or POST (events).");
    };
  }

  private WebhookReply validate(WebhookRequest request) {
    if (settings.verifyToken().isEmpty()) {
      return notConfigured();
    }
    SharedSecret token = settings.verifyToken().get();
    Map<String, String> query = new LinkedHashMap<>();
    for (String name : List.of("hub.mode", "hub.verify_token", "hub.challenge")) {
      request.queryParam(name).ifPresent(v -> query.put(name, v));
    }
    if (!"subscribe".equals(query.get("hub.mode"))
        || query.getOrDefault("hub.challenge", "").isBlank()) {
      return WebhookReply.refused(
          400, "invalid_validation_request", "Not a Strava subscription validation request.");
    }
    if (!token.matches(query.get("hub.verify_token"))) {
      return WebhookReply.refused(403, "invalid_verify_token", "The verify token is not valid.");
    }
    return StravaWebhookEvent.validationAnswer(query, token.value())
        .map(json -> WebhookReply.json(200, new String(json, StandardCharsets.UTF_8)))
        .orElseGet(
            () ->
                WebhookReply.refused(
                    400,
                    "invalid_validation_request",
                    "Not a Strava subscription validation request."));
  }

  private WebhookReply event(WebhookRequest request) {
    if (settings.subscriptionId().isEmpty()) {
      return notConfigured();
    }
    byte[] body = request.body();
    Optional<StravaWebhookEvent> parsed = StravaWebhookEvent.parse(body);
    if (parsed.isEmpty()) {
      return WebhookReply.refused(400, "malformed_event", "The body is not a Strava event.");
    }
    StravaWebhookEvent event = parsed.get();
    if (!new SharedSecret(settings.subscriptionId().get()).matches(event.subscriptionId())) {
      return WebhookReply.refused(
          403, "unknown_subscription", "The event is not for this subscription.");
    }
    Optional<Connection> connection = accounts.connectionOf(PROVIDER, event.ownerId());
    if (connection.isEmpty()) {
      return WebhookReply.ok(200);
    }
    if (event.objectType().equals("athlete")) {
      if (deauthorized(body) && accounts.markRevoked(connection.get())) {
        LOG.info("strava webhook: athlete deauthorized, connection revoked");
      }
      return WebhookReply.ok(200);
    }
    boolean changed = event.aspectType().equals("create") || event.aspectType().equals("update");
    if (event.isActivity() && changed && connection.get().status() == ConnectionStatus.ACTIVE) {
      ProviderChangeSyncs result =
          syncs.request(
              connection.get().userId(),
              connection.get().connectionId(),
              DataType.WORKOUT,
              request.correlationId());
      LOG.debug(
          "strava webhook: {} job(s) enqueued, {} coalesced",
          result.enqueued(),
          result.coalesced());
    }
    return WebhookReply.ok(200);
  }

  /** True for {@code "updates": {"authorized": "false"}} (or the boolean false). */
  private static boolean deauthorized(byte[] body) {
    try {
      JsonNode authorized = MAPPER.readTree(body).path("updates").path("authorized");
      return authorized.isBoolean()
          ? !authorized.booleanValue()
          : authorized.isTextual() && authorized.textValue().equals("false");
    } catch (IOException e) {
      return false;
    }
  }

  private static WebhookReply notConfigured() {
    return WebhookReply.refused(
        404, "webhooks_not_configured", "Strava webhooks are not configured.");
  }
}
