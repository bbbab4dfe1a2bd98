package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredResponseTest {

  @Test
  void body_and_headers_are_copied_in_and_out() {
    byte[] body = {1, 2, 3};
    Map<String, String> headers = new HashMap<>(Map.of("ETag", "\"1\""));
    StoredResponse response = new StoredResponse(200, "application/json", headers, body);

    body[0] = 9;
    headers.put("X-Late", "added");
    response.body()[1] = 9;

    assertThat(response.body()).containsExactly(1, 2, 3);
    assertThat(response.headers()).containsOnlyKeys("ETag");
    assertThatThrownBy(() -> response.headers().put("X", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void responses_with_the_same_content_are_equal() {
    StoredResponse a = new StoredResponse(201, "text/plain", Map.of("A", "1"), new byte[] {7});
    StoredResponse b = new StoredResponse(201, "text/plain", Map.of("A", "1"), new byte[] {7});
    StoredResponse other = new StoredResponse(201, "text/plain", Map.of("A", "1"), new byte[] {8});

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other);
  }

  @Test
  void to_string_names_sizes_and_never_the_body() {
    StoredResponse r =
        new StoredResponse(200, "application/json", Map.of(), "{\"steps\":12345}".getBytes());

    assertThat(r.toString()).doesNotContain("12345").contains("15 body bytes");
  }

  @Test
  void headers_beyond_sixteen_kib_do_not_fit_whole() {
    String value = "v".repeat(StoredResponse.MAX_HEADER_BYTES);

    assertThat(new StoredResponse(200, "", Map.of("X-Big", value), new byte[0]).fitsWhole())
        .isFalse();
    assertThat(new StoredResponse(200, "", Map.of("X", "v"), new byte[0]).fitsWhole()).isTrue();
  }

  @Test
  void a_status_outside_the_http_range_is_rejected() {
    assertThatThrownBy(() -> StoredResponse.statusOnly(99))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredResponse.statusOnly(600))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
