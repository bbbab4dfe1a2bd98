package com.syncwell.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisCommandCountTest {
  @Test
  void commands_are_counted_by_name_without_the_info_that_reads_them() {
    String stats =
        "# Commandstats\r\n"
            + "cmdstat_get:calls=120,usec=300,usec_per_call=2.50,rejected_calls=0,failed_calls=0\r\n"
            + "cmdstat_evalsha:calls=118,usec=900,usec_per_call=7.63,rejected_calls=0\r\n"
            + "cmdstat_info:calls=7,usec=70,usec_per_call=10.00\r\n"
            + "cmdstat_hello:calls=1,usec=12,usec_per_call=12.00\r\n";

    Map<String, Long> calls = RedisCommandCount.parse(stats);

    assertThat(calls).containsOnly(entry("get", 120L), entry("evalsha", 118L), entry("hello", 1L));
    assertThat(RedisCommandCount.total(calls)).isEqualTo(239);
  }

  @Test
  void the_commands_between_two_readings_are_split_per_operation_by_name() {
    Optional<Map<String, Long>> before = Optional.of(Map.of("get", 10L, "evalsha", 10L));
    Optional<Map<String, Long>> after = Optional.of(Map.of("get", 30L, "evalsha", 30L));

    assertThat(RedisCommandCount.perOperation(before, after, 2.0))
        .containsOnly(entry("evalsha", 1.0), entry("get", 1.0));
    assertThat(RedisCommandCount.perOperation(Optional.empty(), after, 2.0)).isEmpty();
  }

  @Test
  void a_url_with_a_password_is_not_read() {
    assertThat(new RedisCommandCount(URI.create("redis://:secret@127.0.0.1:6379")).read())
        .isEmpty();
  }
}
