package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficProfileRouteTest {
  private static final String ADMIN = "admin-token-0123456789-abcdefghijklmnop";

  @Test
  void without_an_admin_token_configured_the_route_is_not_found(@TempDir Path dir) {
    try (ApiBed bed = new ApiBed(dir)) {
      ApiBed.Reply r = bed.get("/v1/admin/traffic-profile", null);

      assertThat(r.status()).isEqualTo(404);
    }
  }

  @Test
  void only_the_operators_token_opens_it_and_user_tokens_do_not(@TempDir Path dir) {
    try (ApiBed bed = new ApiBed(dir, ApiBed.options().adminToken(ADMIN))) {
      ApiBed.Reply none = bed.get("/v1/admin/traffic-profile", null);
      ApiBed.Reply user = bed.get("/v1/admin/traffic-profile", "user-alice");
      ApiBed.Reply wrong =
          bed.send(
              bed.request("/v1/admin/traffic-profile", null)
                  .header("Authorization", "Bearer " + ADMIN + "x")
                  .build());

      assertThat(none.status()).isEqualTo(401);
      assertThat(user.status()).isEqualTo(401);
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(none.json().path("code").asText()).isEqualTo("admin_token_required");
    }
  }

  @Test
  void requests_through_the_real_pipeline_show_up_in_the_profile_without_user_ids(
      @TempDir Path dir) {
    try (ApiBed bed = new ApiBed(dir, ApiBed.options().adminToken(ADMIN))) {
      bed.get("/v1/users/me", "user-alice");
      bed.get("/v1/users/me", "user-alice");
      bed.get("/v1/users/me", "user-bob");
      bed.get("/v1/sync-jobs/nope", "user-bob");
      bed.get("/healthz", null);

      ApiBed.Reply r =
          bed.send(
              bed.request("/v1/admin/traffic-profile", null)
                  .header("Authorization", "Bearer " + ADMIN)
                  .build());

      assertThat(r.status()).as(r.text()).isEqualTo(200);
      JsonNode day = r.json().path("current");
      assertThat(r.json().path("format").asText()).isEqualTo("syncwell-traffic-profile/1");
      assertThat(day.path("requests").asLong()).isEqualTo(4);
      assertThat(day.path("users").asInt()).isEqualTo(2);
      assertThat(day.path("sessions").asInt()).isEqualTo(2);
      assertThat(day.path("routes").path("GET /v1/users/me").asLong()).isEqualTo(3);
      assertThat(day.path("statusClasses").path("4xx").asLong()).isEqualTo(1);
      assertThat(day.path("payloads").path("responseBytes").asLong()).isPositive();
      assertThat(r.text()).doesNotContain("user-alice", "user-bob");
    }
  }
}
