package com.syncwell.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.connector.fitbit.GoogleHealthNotification;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.sync.ProviderChangeSyncs;
import com.syncwell.engine.sync.RequestSyncOnProviderChange;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Google Health API subscriber endpoint ({@code fitbit}; GOOGLE-HEALTH-API.md §5).
 *
 * <ul>
 *   <li>Verification ({@code {"type":"verification"}}): 201 when {@code Authorization} equals the
 *       subscriber secret, else 401. No side effect.
 *   <li>Notification: needs the secret <em>and</em> a valid signature over the raw body in {@code
 *       GOOGLE-HEALTH-API-SIGNATURE} (or the older {@code X-HEALTHAPI-SIGNATURE}), checked against
 *       the published keyset ({@link PublishedKeyset}); otherwise 401 and nothing happens (503
 *       while no keyset could ever be fetched). A body may also be a JSON array of notifications.
 *       Each notification's {@code healthUserId} is routed through the provider account's owner
 *       item; an unknown account is ignored, so the 204 reveals nothing.
 *   <li>{@code UPSERT}, and {@code DELETE} of intervals: the data type is mapped ({@code exercise}
 *       → workout, {@code steps}, {@code sleep} → sleep session, {@code weight}, {@code
 *       daily-resting-heart-rate} and {@code heart-rate} → heart rate; others ignored) and a
 *       coalesced sync is requested for an ACTIVE connection. The notification's intervals and
 *       values are not used: the sync re-reads from its cursor.
 *   <li>{@code DELETE} without intervals: Google uses DELETE for consent revocation and account
 *       deletion too, and such a notice has no data interval to re-read, so the connection is set
 *       to NEEDS_REAUTH (version-checked): the user is asked to connect again, and a later sync
 *       will not use a dead grant. (A revocation that does carry intervals requests a sync, which
 *       meets the revoked grant and sets NEEDS_REAUTH through the normal failure path.)
 * </ul>
 *
 * <p>Answers 204 after a handled notification, including ignored ones; 404 when no secret is
 * configured. Only store reads and writes and an enqueue happen here, never a provider call.
 * Duplicate deliveries are harmless (coalescing, version-checked status changes).
 */
public final class FitbitWebhookReceiver implements WebhookReceiver {
  public static final String PROVIDER = "fitbit";
  static final String SIGNATURE_HEADER = "GOOGLE-HEALTH-API-SIGNATURE";
  static final String OLD_SIGNATURE_HEADER = "X-HEALTHAPI-SIGNATURE";
  private static final int MAX_BATCH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(FitbitWebhookReceiver.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Optional<SharedSecret> secret;
  private final PublishedKeyset keyset;
  private final WebhookAccounts accounts;
  private final RequestSyncOnProviderChange syncs;

  /**
   * @param clock paces keyset refetches
   */
  public FitbitWebhookReceiver(
      FitbitWebhookSettings settings,
      ConnectionStore connections,
      RequestSyncOnProviderChange syncs,
      Clock clock) {
    this(
        settings.secret(),
        new PublishedKeyset(new HttpKeysetSource(settings.keysetUrl()), clock),
        connections,
        syncs);
  }

  FitbitWebhookReceiver(
      Optional<SharedSecret> secret,
      PublishedKeyset keyset,
      ConnectionStore connections,
      RequestSyncOnProviderChange syncs) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.keyset = Objects.requireNonNull(keyset, "keyset");
    this.accounts = new WebhookAccounts(connections);
    this.syncs = Objects.requireNonNull(syncs, "syncs");
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public WebhookReply handle(WebhookRequest request) {
    if (secret.isEmpty()) {
      return WebhookReply.refused(
          404, "webhooks_not_configured", "Google Health API webhooks are not configured.");
    }
    if (!request.method().equals("POST")) {
      return WebhookReply.refused(
          405, "method_not_allowed", "Google Health API webhooks are POST requests.");
    }
    byte[] body = request.body();
    boolean authorized = secret.get().matches(request.header("Authorization").orElse(null));
    if (GoogleHealthNotification.isVerification(body)) {
      return authorized
          ? WebhookReply.ok(201)
          : WebhookReply.refused(401, "invalid_secret", "The Authorization header is not valid.");
    }
    if (!authorized) {
      return WebhookReply.refused(401, "invalid_secret", "The Authorization header is not valid.");
    }
    Optional<String> signature =
        request.header(SIGNATURE_HEADER).or(() -> request.header(OLD_SIGNATURE_HEADER));
    if (signature.isEmpty()) {
      return WebhookReply.refused(401, "missing_signature", "The notification is not signed.");
    }
    switch (keyset.verify(signature.get(), body)) {
      case VALID -> {}
      case INVALID -> {
        return WebhookReply.refused(
            401, "invalid_signature", "The notification signature does not verify.");
      }
      case KEYS_UNAVAILABLE -> {
        return WebhookReply.refused(
            503,
            "signature_keys_unavailable",
            "The keys that sign notifications cannot be fetched now; retry later.");
      }
    }
    List<GoogleHealthNotification> notifications;
    try {
      notifications = parse(body);
    } catch (IllegalArgumentException e) {
      return WebhookReply.refused(
          400, "malformed_notification", "The body is not a Google Health API notification.");
    }
    int enqueued = 0;
    int coalesced = 0;
    for (GoogleHealthNotification n : distinct(notifications)) {
      Optional<Connection> connection = accounts.connectionOf(PROVIDER, n.healthUserId());
      if (connection.isEmpty()) {
        continue;
      }
      if (n.operation() == GoogleHealthNotification.Operation.DELETE && n.intervals().isEmpty()) {
        if (accounts.markNeedsReauth(connection.get())) {
          LOG.info("fitbit webhook: access withdrawn, connection needs re-authorization");
        }
        continue;
      }
      Optional<DataType> type = GoogleHealthTypes.of(n.dataType());
      if (type.isEmpty() || connection.get().status() != ConnectionStatus.ACTIVE) {
        continue;
      }
      ProviderChangeSyncs result =
          syncs.request(
              connection.get().userId(),
              connection.get().connectionId(),
              type.get(),
              request.correlationId());
      enqueued += result.enqueued();
      coalesced += result.coalesced();
    }
    LOG.debug(
        "fitbit webhook: {} notification(s), {} job(s) enqueued, {} coalesced",
        notifications.size(),
        enqueued,
        coalesced);
    return WebhookReply.ok(204);
  }

  /** One notification, or a JSON array of them. */
  private static List<GoogleHealthNotification> parse(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    if (root == null || !root.isArray()) {
      return List.of(GoogleHealthNotification.parse(body));
    }
    if (root.isEmpty() || root.size() > MAX_BATCH) {
      throw new IllegalArgumentException("a batch of " + root.size());
    }
    List<GoogleHealthNotification> all = new ArrayList<>();
    for (JsonNode element : root) {
      try {
        all.add(GoogleHealthNotification.parse(MAPPER.writeValueAsBytes(element)));
      } catch (IOException e) {
        throw new IllegalArgumentException("unwritable element", e);
      }
    }
    return all;
  }

  /**
   * One notification per (account, data type, kind): a batch repeating a pair costs one routing.
   */
  private static List<GoogleHealthNotification> distinct(List<GoogleHealthNotification> all) {
    Map<List<String>, GoogleHealthNotification> byKey = new LinkedHashMap<>();
    for (GoogleHealthNotification n : all) {
      boolean withdrawal =
          n.operation() == GoogleHealthNotification.Operation.DELETE && n.intervals().isEmpty();
      byKey.putIfAbsent(List.of(n.healthUserId(), n.dataType(), Boolean.toString(withdrawal)), n);
    }
    return List.copyOf(byKey.values());
  }
}
