package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.api.auth.DevIssuer;
import com.syncwell.api.auth.JwtAuthenticator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@link JwtAuthenticator} with the dev issuer in front of the API. */
class DevTokensThroughTheApiTest {
  @TempDir Path dir;
  ApiBed bed;
  final AtomicReference<DevIssuer> issuer = new AtomicReference<>();

  @BeforeEach
  void start() {
    bed =
        new ApiBed(
            dir,
            ApiBed.options()
                .authenticator(
                    clock -> {
                      issuer.set(DevIssuer.openOrCreate(dir.resolve("keys"), clock));
                      return JwtAuthenticator.builder(clock).dev(issuer.get()).build();
                    }));
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void a_dev_token_names_the_user_and_an_expired_one_is_401() {
    String token = issuer.get().mint("dev-user-1", Duration.ofMinutes(10));
    ApiBed.Reply me = bed.get("/v1/users/me", token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("userId").asText()).isEqualTo("dev-user-1");

    bed.clock.advance(Duration.ofMinutes(12));
    ApiBed.Reply expired = bed.get("/v1/users/me", token);
    PipelineTest.assertProblem(expired, 401, "token_expired");
    assertThat(expired.header("WWW-Authenticate")).contains("invalid_token");
    assertThat(expired.text()).doesNotContain(token.substring(0, 20));

    PipelineTest.assertProblem(bed.get("/v1/users/me", "not.a.jwt"), 401, "malformed_token");
    PipelineTest.assertProblem(bed.get("/v1/users/me", null), 401, "missing_token");
  }
}
