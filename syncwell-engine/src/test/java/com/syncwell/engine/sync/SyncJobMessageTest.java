package com.syncwell.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncJobMessageTest {

  @Test
  void a_message_round_trips_through_its_body() {
    SyncJobMessage m = new SyncJobMessage("u_1", "job_01ABC");

    assertThat(SyncJobMessage.parse(m.toBody())).isEqualTo(m);
    assertThat(m.toBody()).isEqualTo("{\"v\":1,\"userId\":\"u_1\",\"jobId\":\"job_01ABC\"}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"v\":2,\"userId\":\"u\",\"jobId\":\"j\"}",
        "{\"v\":1,\"userId\":7,\"jobId\":\"j\"}",
        "{\"v\":1,\"userId\":\"u\"}",
        "{\"v\":1,\"userId\":\" \",\"jobId\":\"j\"}"
      })
  void anything_else_is_rejected_clearly(String body) {
    assertThatThrownBy(() -> SyncJobMessage.parse(body))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
