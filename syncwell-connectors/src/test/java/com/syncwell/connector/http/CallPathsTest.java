package com.syncwell.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CallPathsTest {
  @Test
  void ids_in_a_provider_path_are_masked_and_the_endpoint_stays_readable() {
    assertThat(CallPaths.masked(URI.create("https://www.strava.com/api/v3/activities/1234567890")))
        .isEqualTo("/api/v3/activities/{id}");
    assertThat(CallPaths.masked(URI.create("https://oauth2.example/oauth2/token?code=secret")))
        .isEqualTo("/oauth2/token");
    assertThat(
            CallPaths.masked(
                URI.create("https://health.example/v4/users/me/dataTypes/exercise/dataPoints")))
        .isEqualTo("/v4/users/me/dataTypes/exercise/dataPoints");
    assertThat(CallPaths.masked(URI.create("https://x.example/users/a%40b/x")))
        .isEqualTo("/users/{id}/x");
    assertThat(CallPaths.masked(URI.create("https://x.example"))).isEqualTo("/");
  }
}
