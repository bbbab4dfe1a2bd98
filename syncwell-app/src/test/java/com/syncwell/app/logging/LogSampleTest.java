package com.syncwell.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogSampleTest {
  @Test
  void a_sample_is_written_as_a_fraction() {
    assertThat(LogSample.parse("1/100")).isEqualTo(new LogSample(1, 100));
    assertThat(LogSample.parse(" 1 / 10,000 ")).isEqualTo(new LogSample(1, 10_000));
    assertThat(LogSample.parse("1/10_000").toString()).isEqualTo("1/10000");
  }

  @Test
  void fractions_that_are_no_sample_are_refused() {
    for (String bad : new String[] {"", "1", "1/0", "2/1", "-1/5", "a/b", "1/2/3"}) {
      assertThatThrownBy(() -> LogSample.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void all_and_none_keep_all_and_none() {
    assertThat(new LogSample(1, 1).keeps("job_x")).isTrue();
    assertThat(new LogSample(0, 7).keeps("job_x")).isFalse();
  }
}
