package com.syncwell.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedisCommandCountTest {
  @Test
  void commands_are_summed_over_every_command_but_info() {
    String stats =
        "# Commandstats\r\n"
            + "cmdstat_get:calls=120,usec=300,usec_per_call=2.50,rejected_calls=0,failed_calls=0\r\n"
            + "cmdstat_evalsha:calls=118,usec=900,usec_per_call=7.63,rejected_calls=0\r\n"
            + "cmdstat_info:calls=7,usec=70,usec_per_call=10.00\r\n"
            + "cmdstat_hello:calls=1,usec=12,usec_per_call=12.00\r\n";

    assertThat(RedisCommandCount.sum(stats)).isEqualTo(239);
  }

  @Test
  void a_url_with_a_password_is_not_read() {
    assertThat(new RedisCommandCount(URI.create("redis://:secret@127.0.0.1:6379")).read())
        .isEmpty();
  }
}
