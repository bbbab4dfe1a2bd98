package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.api.http.RateSettings;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitTest {
  @TempDir Path dir;
  ApiBed bed;

  private ApiBed start(RateSettings rates) {
    bed = new ApiBed(dir, ApiBed.options().limited(rates).routes(TestRoutes.all()));
    return bed;
  }

  @AfterEach
  void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  private ApiBed.Reply getFrom(String path, String user, String forwardedFor) {
    HttpRequest.Builder b = bed.request(path, user).GET();
    if (forwardedFor != null) {
      b.header("X-Forwarded-For", forwardedFor);
    }
    return bed.send(b.build());
  }

  @Test
  void burst_of_twenty_passes_and_the_twenty_first_is_throttled() {
    start(RateSettings.defaults());
    for (int i = 0; i < 20; i++) {
      ApiBed.Reply ok = bed.get("/v1/test/me", "user-a");
      assertThat(ok.status()).as("request %d", i + 1).isEqualTo(200);
      assertThat(ok.header("RateLimit-Policy")).contains("\"user\";q=20;w=2");
      assertThat(ok.header("RateLimit")).contains("\"user\";r=" + (19 - i) + ";");
    }
    ApiBed.Reply throttled = bed.get("/v1/test/me", "user-a");
    PipelineTest.assertProblem(throttled, 429, "rate_limited");
    assertThat(throttled.header("Retry-After")).isEqualTo("1");
    assertThat(throttled.header("RateLimit-Policy")).isEqualTo("\"user\";q=20;w=2");
    assertThat(throttled.header("RateLimit")).isEqualTo("\"user\";r=0;t=1");
    assertThat(throttled.json().path("policy").asText()).isEqualTo("user");
  }

  @Test
  void tokens_refill_as_the_clock_moves() {
    start(RateSettings.defaults());
    for (int i = 0; i < 20; i++) {
      bed.get("/v1/test/me", "user-a");
    }
    assertThat(bed.get("/v1/test/me", "user-a").status()).isEqualTo(429);
    bed.clock.advance(Duration.ofMillis(100));
    assertThat(bed.get("/v1/test/me", "user-a").status()).isEqualTo(200);
    assertThat(bed.get("/v1/test/me", "user-a").status()).isEqualTo(429);
    bed.clock.advance(Duration.ofSeconds(2));
    for (int i = 0; i < 20; i++) {
      assertThat(bed.get("/v1/test/me", "user-a").status()).isEqualTo(200);
    }
  }

  @Test
  void users_have_their_own_buckets() {
    start(RateSettings.defaults());
    for (int i = 0; i < 21; i++) {
      bed.get("/v1/test/me", "user-a");
    }
    assertThat(bed.get("/v1/test/me", "user-a").status()).isEqualTo(429);
    assertThat(bed.get("/v1/test/me", "user-b").status()).isEqualTo(200);
  }

  @Test
  void the_ip_window_counts_every_request_signed_in_or_not() {
    start(new RateSettings(10, 20, 5, List.of()));
    assertThat(bed.get("/healthz", null).status()).isEqualTo(200);
    assertThat(bed.get("/nowhere", null).status()).isEqualTo(404);
    assertThat(bed.get("/v1/test/me", null).status()).isEqualTo(401);
    assertThat(bed.get("/v1/webhooks/unknown", null).status()).isEqualTo(404);
    ApiBed.Reply fifth = bed.get("/v1/test/me", "user-a");
    assertThat(fifth.status()).isEqualTo(200);
    assertThat(fifth.header("RateLimit-Policy")).contains("\"ip\";q=5;w=300");

    ApiBed.Reply sixth = bed.get("/healthz", null);
    PipelineTest.assertProblem(sixth, 429, "rate_limited");
    assertThat(sixth.header("RateLimit-Policy")).isEqualTo("\"ip\";q=5;w=300");
    assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 300L);
    assertThat(sixth.json().path("policy").asText()).isEqualTo("ip");

    bed.clock.advance(Duration.ofMinutes(5));
    assertThat(bed.get("/healthz", null).status()).isEqualTo(200);
  }

  @Test
  void x_forwarded_for_from_a_trusted_proxy_names_the_client() {
    start(new RateSettings(10, 20, 2, List.of("127.0.0.1")));
    assertThat(getFrom("/healthz", null, "203.0.113.7").status()).isEqualTo(200);
    assertThat(getFrom("/healthz", null, "203.0.113.7").status()).isEqualTo(200);
    assertThat(getFrom("/healthz", null, "203.0.113.7").status()).isEqualTo(429);
    assertThat(getFrom("/healthz", null, "203.0.113.8").status()).isEqualTo(200);
    assertThat(getFrom("/healthz", null, "198.51.100.1, 203.0.113.9").status()).isEqualTo(200);
  }

  @Test
  void x_forwarded_for_from_an_untrusted_peer_is_ignored() {
    start(new RateSettings(10, 20, 2, List.of("10.0.0.0/8")));
    assertThat(getFrom("/healthz", null, "203.0.113.1").status()).isEqualTo(200);
    assertThat(getFrom("/healthz", null, "203.0.113.2").status()).isEqualTo(200);
    assertThat(getFrom("/healthz", null, "203.0.113.3").status()).isEqualTo(429);
  }
}
