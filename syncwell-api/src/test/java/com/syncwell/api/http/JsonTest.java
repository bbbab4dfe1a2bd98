package com.syncwell.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Body(String name, Long size) {}

  private static Problem refusal(String json, Class<?> type) {
    ProblemException e =
        catchThrowableOfType(
            ProblemException.class, () -> Json.read(json.getBytes(StandardCharsets.UTF_8), type));
    assertThat(e).as(json).isNotNull();
    return e.problem();
  }

  @Test
  void nesting_deeper_than_the_limit_is_malformed_json() {
    String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
    Problem p = refusal(deep, JsonNode.class);
    assertThat(p.code()).isEqualTo("malformed_json");
    assertThat(p.status()).isEqualTo(400);
  }

  @Test
  void nesting_within_the_limit_is_read() {
    String ok = "[".repeat(Json.MAX_DEPTH - 1) + "]".repeat(Json.MAX_DEPTH - 1);
    assertThat(Json.read(ok.getBytes(StandardCharsets.UTF_8), JsonNode.class)).isNotNull();
  }

  @Test
  void a_number_longer_than_the_limit_is_malformed_json() {
    Problem p = refusal("{\"size\": " + "9".repeat(100) + "}", Body.class);
    assertThat(p.code()).isIn("malformed_json", "number_out_of_range");
  }

  @Test
  void non_numeric_numbers_are_refused() {
    assertThat(refusal("{\"size\": NaN}", Body.class).code()).isEqualTo("malformed_json");
  }

  @Test
  void a_field_name_made_up_by_the_client_is_not_echoed_verbatim() {
    Problem p = refusal("{\"java.lang.Exception\": 1}", Body.class);
    assertThat(p.code()).isEqualTo("unknown_field");
    assertThat(p.field()).contains("(field)");
    assertThat(p.detail()).doesNotContain("java.");
  }

  @Test
  void a_known_field_is_named() {
    Problem p = refusal("{\"size\": \"big\"}", Body.class);
    assertThat(p.code()).isEqualTo("invalid_type");
    assertThat(p.field()).contains("size");
  }
}
