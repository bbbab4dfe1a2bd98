package com.syncwell.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteAndControlTest {
  private ProviderSimulator sim;
  private SimHttp http;

  @BeforeEach
  void start() {
    sim =
        ProviderSimulator.start(
            SimulatorOptions.defaults()
                .withClock(Clock.fixed(Instant.parse("2026-11-30T10:14:00Z"), ZoneOffset.UTC)));
    http = new SimHttp(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void strava_sends_rate_limit_headers_answers_429_at_the_limit_and_resets_at_the_quarter_hour()
      throws Exception {
    String token = http.stravaTokens("nina").path("access_token").asText();
    http.json("PUT", "/_sim/quotas", null, "{\"strava\":{\"read15\":3}}");
    HttpResponse<String> ok = http.get("/strava/api/v3/athlete", token);
    assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("200,2000");
    assertThat(ok.headers().firstValue("X-ReadRateLimit-Limit")).hasValue("3,1000");
    assertThat(ok.headers().firstValue("X-ReadRateLimit-Usage")).hasValue("1,1");
    http.get("/strava/api/v3/athlete", token);
    http.get("/strava/api/v3/athlete", token);
    HttpResponse<String> over = http.get("/strava/api/v3/athlete", token);
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.body())
        .isEqualTo(
            "{\"message\":\"Rate Limit Exceeded\",\"errors\":[{\"resource\":\"Application\",\"field\":\"rate limit\",\"code\":\"exceeded\"}]}");
    assertThat(over.headers().firstValue("X-ReadRateLimit-Usage")).hasValue("4,4");
    sim.clock().advance(Duration.ofMinutes(1));
    HttpResponse<String> after = http.get("/strava/api/v3/athlete", token);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.headers().firstValue("X-ReadRateLimit-Usage")).hasValue("1,5");
    assertThat(
            SimHttp.parse(http.get("/_sim/stats", null)).path("strava").path("throttled").asLong())
        .isEqualTo(1);
  }

  @Test
  void google_limits_requests_per_user_per_minute() throws Exception {
    String a = http.googleTokens("olga").path("access_token").asText();
    String b = http.googleTokens("paul").path("access_token").asText();
    http.json("PUT", "/_sim/quotas", null, "{\"fitbit\":{\"perUserPerMinute\":2}}");
    assertThat(http.get("/fitbit/v4/users/me/identity", a).statusCode()).isEqualTo(200);
    assertThat(http.get("/fitbit/v4/users/me/identity", a).statusCode()).isEqualTo(200);
    HttpResponse<String> over = http.get("/fitbit/v4/users/me/identity", a);
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(SimHttp.parse(over).path("error").path("status").asText())
        .isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(http.get("/fitbit/v4/users/me/identity", b).statusCode()).isEqualTo(200);
    sim.clock().advance(Duration.ofSeconds(60));
    assertThat(http.get("/fitbit/v4/users/me/identity", a).statusCode()).isEqualTo(200);
  }

  @Test
  void faults_fail_throttle_expire_and_revoke_as_configured() throws Exception {
    JsonNode tokens = http.stravaTokens("quinn");
    String token = tokens.path("access_token").asText();
    http.json(
        "PUT",
        "/_sim/faults",
        null,
        "{\"rules\":[{\"provider\":\"strava\",\"user\":\"quinn\",\"errorRate\":1.0,\"errorStatus\":503,\"seed\":1}]}");
    assertThat(http.get("/strava/api/v3/athlete", token).statusCode()).isEqualTo(503);
    http.json(
        "PUT",
        "/_sim/faults",
        null,
        "{\"rules\":[{\"provider\":\"strava\",\"route\":\"/athlete\",\"throttle\":true}]}");
    assertThat(http.get("/strava/api/v3/athlete", token).statusCode()).isEqualTo(429);
    http.send("DELETE", "/_sim/faults", null, null, null);
    assertThat(http.get("/strava/api/v3/athlete", token).statusCode()).isEqualTo(200);
    http.json(
        "PUT",
        "/_sim/faults",
        null,
        "{\"actions\":[{\"provider\":\"strava\",\"user\":\"quinn\",\"expireAccessTokens\":true}]}");
    assertThat(http.get("/strava/api/v3/athlete", token).statusCode()).isEqualTo(401);
    Map<String, String> refresh =
        Map.of(
            "client_id",
            "54321",
            "client_secret",
            sim.options().stravaClient().clientSecret(),
            "grant_type",
            "refresh_token",
            "refresh_token",
            tokens.path("refresh_token").asText());
    JsonNode refreshed = SimHttp.parse(http.form("/strava/oauth/token", refresh));
    assertThat(
            http.get("/strava/api/v3/athlete", refreshed.path("access_token").asText())
                .statusCode())
        .isEqualTo(200);
    http.json(
        "PUT",
        "/_sim/faults",
        null,
        "{\"actions\":[{\"provider\":\"strava\",\"user\":\"quinn\",\"revokeTokens\":true}]}");
    assertThat(
            http.get("/strava/api/v3/athlete", refreshed.path("access_token").asText())
                .statusCode())
        .isEqualTo(401);
    Map<String, String> again =
        Map.of(
            "client_id",
            "54321",
            "client_secret",
            sim.options().stravaClient().clientSecret(),
            "grant_type",
            "refresh_token",
            "refresh_token",
            refreshed.path("refresh_token").asText());
    assertThat(http.form("/strava/oauth/token", again).statusCode()).isEqualTo(400);
  }

  private static String tcx(Instant start, int seconds) {
    StringBuilder x =
        new StringBuilder(
                "<?xml version=\"1.0\"?><TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities><Activity Sport=\"Running\"><Id>")
            .append(start)
            .append("</Id><Lap StartTime=\"")
            .append(start)
            .append("\"><Track>");
    for (int i = 0; i <= seconds; i += 10) {
      x.append("<Trackpoint><Time>")
          .append(start.plusSeconds(i))
          .append("</Time><Position><LatitudeDegrees>")
          .append(52.5 + i * 1e-5)
          .append(
              "</LatitudeDegrees><LongitudeDegrees>13.4</LongitudeDegrees></Position><HeartRateBpm><Value>140</Value></HeartRateBpm></Trackpoint>");
    }
    return x.append("</Track></Lap></Activity></Activities></TrainingCenterDatabase>").toString();
  }

  private HttpResponse<String> upload(String token, String fileName, String externalId, String body)
      throws Exception {
    String boundary = "simboundary";
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data_type\"\r\n\r\ntcx\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"external_id\"\r\n\r\n"
            + externalId
            + "\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/xml\r\n\r\n"
            + body
            + "\r\n"
            + "--"
            + boundary
            + "--\r\n";
    return http.send(
        "POST",
        "/strava/api/v3/uploads",
        token,
        "multipart/form-data; boundary=" + boundary,
        multipart);
  }

  private JsonNode pollUntilDone(String token, long id) throws Exception {
    for (int i = 0; i < 10; i++) {
      JsonNode status = SimHttp.parse(http.get("/strava/api/v3/uploads/" + id, token));
      if (!status.path("activity_id").isNull() || !status.path("error").isNull()) {
        return status;
      }
    }
    throw new AssertionError("upload never finished");
  }

  @Test
  void an_upload_is_processing_then_ready_and_a_second_copy_is_a_duplicate_naming_the_activity()
      throws Exception {
    String token = http.stravaTokens("rita").path("access_token").asText();
    Instant start = Instant.parse("2026-11-29T07:00:00Z");
    HttpResponse<String> created = upload(token, "run.tcx", "syncwell-abc", tcx(start, 1800));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = SimHttp.parse(created);
    assertThat(body.path("status").asText()).isEqualTo("Your activity is still being processed.");
    assertThat(body.path("error").isNull()).isTrue();
    assertThat(body.path("id_str").asText()).isEqualTo(body.path("id").asText());
    JsonNode first =
        SimHttp.parse(http.get("/strava/api/v3/uploads/" + body.path("id").asLong(), token));
    assertThat(first.path("activity_id").isNull()).isTrue();
    JsonNode done = pollUntilDone(token, body.path("id").asLong());
    assertThat(done.path("status").asText()).isEqualTo("Your activity is ready.");
    long activityId = done.path("activity_id").asLong();
    JsonNode listed =
        SimHttp.parse(http.get("/strava/api/v3/athlete/activities?per_page=1", token)).get(0);
    assertThat(listed.path("id").asLong()).isEqualTo(activityId);
    assertThat(listed.path("external_id").asText()).isEqualTo("syncwell-abc");
    JsonNode dup =
        pollUntilDone(
            token,
            SimHttp.parse(
                    upload(token, "again.tcx", "syncwell-other", tcx(start.plusSeconds(2), 1800)))
                .path("id")
                .asLong());
    assertThat(dup.path("error").asText())
        .startsWith("again.tcx duplicate of")
        .contains("activity " + activityId);
    assertThat(dup.path("status").asText())
        .isEqualTo("There was an error processing your activity.");
  }

  @Test
  void a_google_create_is_an_operation_and_visible_through_self_sources() throws Exception {
    String token = http.googleTokens("sam").path("access_token").asText();
    String point =
        "{\"exercise\":{\"interval\":{\"startTime\":\"2026-11-29T06:00:00Z\",\"startUtcOffset\":\"3600s\",\"endTime\":\"2026-11-29T06:30:00Z\",\"endUtcOffset\":\"3600s\"},"
            + "\"exerciseType\":\"RUNNING\",\"activeDuration\":\"1800s\",\"metricsSummary\":{\"distanceMillimeters\":5000000,\"caloriesKcal\":300}}}";
    HttpResponse<String> created =
        http.json("POST", "/fitbit/v4/users/me/dataTypes/exercise/dataPoints", token, point);
    assertThat(created.statusCode()).isEqualTo(200);
    JsonNode op = SimHttp.parse(created);
    assertThat(op.path("done").asBoolean()).isTrue();
    assertThat(op.path("response").path("@type").asText())
        .isEqualTo("type.googleapis.com/google.devicesandservices.health.v4.DataPoint");
    assertThat(op.path("response").path("dataSource").path("platform").asText())
        .isEqualTo("GOOGLE_WEB_API");
    assertThat(
            op.path("response")
                .path("dataSource")
                .path("application")
                .path("googleWebClientId")
                .asText())
        .isEqualTo(sim.options().fitbitClient().clientId());
    JsonNode self =
        SimHttp.parse(
            http.get(
                "/fitbit/v4/users/me/dataTypes/exercise/dataPoints?dataSourceFamily=users/me/dataSourceFamilies/self-sources",
                token));
    assertThat(self.path("dataPoints")).hasSize(1);
    String name = self.path("dataPoints").get(0).path("name").asText();
    assertThat(name).isEqualTo(op.path("response").path("name").asText());
    http.json(
        "POST",
        "/fitbit/v4/users/me/dataTypes/exercise/dataPoints:batchDelete",
        token,
        "{\"names\":[\"" + name + "\"]}");
    assertThat(
            SimHttp.parse(
                    http.get(
                        "/fitbit/v4/users/me/dataTypes/exercise/dataPoints?dataSourceFamily=users/me/dataSourceFamilies/self-sources",
                        token))
                .path("dataPoints"))
        .isEmpty();
  }

  @Test
  void a_data_change_sends_a_signed_google_notification_and_a_strava_event() throws Exception {
    BlockingQueue<Map.Entry<Map<String, String>, byte[]>> received = new ArrayBlockingQueue<>(10);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          if (exchange.getRequestMethod().equals("GET")) {
            String challenge =
                exchange.getRequestURI().getQuery().replaceAll(".*hub.challenge=([^&]*).*", "$1");
            byte[] answer =
                ("{\"hub.challenge\":\"" + challenge + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
          } else {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String sig = exchange.getRequestHeaders().getFirst("GOOGLE-HEALTH-API-SIGNATURE");
            received.add(
                Map.entry(
                    Map.of(
                        "path",
                        exchange.getRequestURI().getPath(),
                        "auth",
                        auth == null ? "" : auth,
                        "sig",
                        sig == null ? "" : sig),
                    body));
            exchange.sendResponseHeaders(204, -1);
          }
          exchange.close();
        });
    receiver.start();
    try {
      String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
      http.json(
          "PUT",
          "/_sim/webhooks",
          null,
          "{\"provider\":\"fitbit\",\"url\":\"" + base + "/google\"}");
      HttpResponse<String> sub =
          http.form(
              "/strava/api/v3/push_subscriptions",
              Map.of(
                  "client_id",
                  "54321",
                  "client_secret",
                  sim.options().stravaClient().clientSecret(),
                  "callback_url",
                  base + "/strava",
                  "verify_token",
                  "vt"));
      assertThat(sub.statusCode()).isEqualTo(201);
      http.json(
          "POST",
          "/_sim/users/tess/fitbit/weights",
          null,
          "{\"time\":\"2026-11-29T07:00:00+01:00\",\"kilograms\":70.5}");
      var google = received.poll(10, TimeUnit.SECONDS);
      assertThat(google).isNotNull();
      assertThat(google.getKey().get("auth")).isEqualTo(sim.options().fitbitWebhookSecret());
      JsonNode note = com.syncwell.simulator.http.Json.parse(google.getValue()).path("data");
      assertThat(note.path("operation").asText()).isEqualTo("UPSERT");
      assertThat(note.path("dataType").asText()).isEqualTo("weight");
      SignatureConfig.register();
      String keyset =
          http.client
              .send(
                  HttpRequest.newBuilder(
                          URI.create(sim.environment().get("SYNCWELL_FITBIT_WEBHOOK_KEYSET_URL")))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      PublicKeyVerify verify =
          TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(keyset)
              .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
      verify.verify(Base64.getDecoder().decode(google.getKey().get("sig")), google.getValue());
      byte[] sigBytes = Base64.getDecoder().decode(google.getKey().get("sig"));
      assertThat(sigBytes[0]).isEqualTo((byte) 1);
      http.json(
          "POST",
          "/_sim/users/tess/strava/workouts",
          null,
          "{\"sport\":\"RUNNING\",\"start\":\"2026-11-29T08:00:00Z\",\"elapsedSeconds\":1800,\"distanceMetres\":5000}");
      var strava = received.poll(10, TimeUnit.SECONDS);
      assertThat(strava).isNotNull();
      JsonNode event = com.syncwell.simulator.http.Json.parse(strava.getValue());
      assertThat(event.path("object_type").asText()).isEqualTo("activity");
      assertThat(event.path("aspect_type").asText()).isEqualTo("create");
      assertThat(event.path("subscription_id").asLong())
          .isEqualTo(sim.options().stravaSubscriptionId());
    } finally {
      receiver.stop(0);
    }
  }
}
