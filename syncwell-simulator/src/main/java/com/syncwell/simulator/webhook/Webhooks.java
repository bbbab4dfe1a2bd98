package com.syncwell.simulator.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncwell.simulator.http.Json;
import com.syncwell.simulator.http.Stats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Webhook targets and delivery. At most {@link #ATTEMPTS} attempts per notification. */
public final class Webhooks implements AutoCloseable {
  public static final int ATTEMPTS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

  /** Where Strava events go. */
  public record StravaTarget(String callbackUrl, String verifyToken, long subscriptionId) {}

  /** Where Google Health notifications go, with the secret sent as {@code Authorization}. */
  public record FitbitTarget(String endpointUri, String secret) {}

  private final AtomicReference<StravaTarget> strava = new AtomicReference<>();
  private final AtomicReference<FitbitTarget> fitbit = new AtomicReference<>();
  private final NotificationSigner signer;
  private final Stats stats;
  private final Clock clock;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "simulator-webhooks");
            t.setDaemon(true);
            return t;
          });

  public Webhooks(NotificationSigner signer, Stats stats, Clock clock) {
    this.signer = signer;
    this.stats = stats;
    this.clock = clock;
  }

  public NotificationSigner signer() {
    return signer;
  }

  public StravaTarget strava() {
    return strava.get();
  }

  public void strava(StravaTarget target) {
    strava.set(target);
  }

  public FitbitTarget fitbit() {
    return fitbit.get();
  }

  public void fitbit(FitbitTarget target) {
    fitbit.set(target);
  }

  /** A Strava event for an activity (or athlete) of {@code ownerId}. */
  public void stravaEvent(
      String objectType, long objectId, String aspect, long ownerId, Map<String, String> updates) {
    StravaTarget target = strava.get();
    if (target == null) {
      return;
    }
    ObjectNode event = Json.object();
    event.put("aspect_type", aspect);
    event.put("event_time", clock.instant().getEpochSecond());
    event.put("object_id", objectId);
    event.put("object_type", objectType);
    event.put("owner_id", ownerId);
    event.put("subscription_id", target.subscriptionId());
    ObjectNode u = event.putObject("updates");
    updates.forEach(u::put);
    byte[] body = Json.bytes(event);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target.callbackUrl()))
            .timeout(Duration.ofSeconds(2))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    deliver("strava", request, 1);
  }

  /** A Google Health notification: something changed for the user within [start, end). */
  public void fitbitChange(
      String healthUserId,
      String operation,
      String dataType,
      Instant start,
      Instant end,
      ZoneOffset offset) {
    FitbitTarget target = fitbit.get();
    if (target == null) {
      return;
    }
    ObjectNode root = Json.object();
    ObjectNode data = root.putObject("data");
    data.put("version", "1");
    data.put("clientProvidedSubscriptionName", UUID.randomUUID().toString());
    data.put("healthUserId", healthUserId);
    data.put("operation", operation);
    data.put("dataType", dataType);
    ArrayNode intervals = data.putArray("intervals");
    ObjectNode interval = intervals.addObject();
    ObjectNode physical = interval.putObject("physicalTimeInterval");
    physical.put("startTime", start.toString());
    physical.put("endTime", end.toString());
    LocalDateTime cs = LocalDateTime.ofInstant(start, offset);
    LocalDateTime ce = LocalDateTime.ofInstant(end, offset);
    ObjectNode civil = interval.putObject("civilDateTimeInterval");
    civil.set("startDateTime", civil(cs));
    civil.set("endDateTime", civil(ce));
    ObjectNode iso = interval.putObject("civilIso8601TimeInterval");
    iso.put("startTime", cs.toString());
    iso.put("endTime", ce.toString());
    byte[] body = Json.bytes(root);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target.endpointUri()))
            .timeout(Duration.ofSeconds(2))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Google-Health-API-Webhooks")
            .header("Authorization", target.secret())
            .header("GOOGLE-HEALTH-API-SIGNATURE", signer.sign(body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    deliver("fitbit", request, 1);
  }

  private static ObjectNode civil(LocalDateTime t) {
    ObjectNode n = Json.object();
    ObjectNode d = n.putObject("date");
    d.put("year", t.getYear());
    d.put("month", t.getMonthValue());
    d.put("day", t.getDayOfMonth());
    ObjectNode time = n.putObject("time");
    time.put("hours", t.getHour());
    time.put("minutes", t.getMinute());
    if (t.getSecond() != 0) {
      time.put("seconds", t.getSecond());
    }
    return n;
  }

  private void deliver(String provider, HttpRequest request, int attempt) {
    executor.execute(
        () -> {
          int status;
          try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
          } catch (Exception e) {
            status = -1;
          }
          boolean ok = status >= 200 && status < 300;
          stats.record(
              "webhooks", provider + (ok ? " delivered" : " failed attempt"), ok ? 200 : 502, 0);
          if (!ok) {
            if (attempt < ATTEMPTS) {
              executor.schedule(
                  () -> deliver(provider, request, attempt + 1),
                  100L << attempt,
                  TimeUnit.MILLISECONDS);
            } else {
              stats.record("webhooks", provider + " dropped", 502, 0);
              LOG.warn(
                  "webhook to {} dropped after {} attempts (last status {})",
                  provider,
                  attempt,
                  status);
            }
          }
        });
  }

  /** Sends the Strava validation GET; true when the callback echoed the challenge. */
  public boolean validateStrava(String callbackUrl, String verifyToken) {
    String challenge = UUID.randomUUID().toString().replace("-", "");
    String sep = callbackUrl.contains("?") ? "&" : "?";
    URI uri =
        URI.create(
            callbackUrl
                + sep
                + "hub.verify_token="
                + java.net.URLEncoder.encode(verifyToken, java.nio.charset.StandardCharsets.UTF_8)
                + "&hub.challenge="
                + challenge
                + "&hub.mode=subscribe");
    try {
      HttpResponse<byte[]> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return false;
      }
      var json = Json.parse(response.body());
      return json != null && challenge.equals(json.path("hub.challenge").asText());
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
