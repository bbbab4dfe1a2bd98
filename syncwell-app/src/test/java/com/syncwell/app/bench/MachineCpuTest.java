package com.syncwell.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MachineCpuTest {
  @Test
  void busy_is_everything_but_idle_and_iowait() {
    MachineCpu cpu =
        MachineCpu.parse(
                """
                cpu  100 5 50 800 40 3 2 0 0 0
                cpu0 50 2 25 400 20 1 1 0 0 0
                intr 12345
                """)
            .orElseThrow();

    assertThat(cpu.totalTicks()).isEqualTo(1000);
    assertThat(cpu.busyTicks()).isEqualTo(160);
  }

  @Test
  void two_readings_give_the_busy_cores_between_them() {
    MachineCpu before = new MachineCpu(1_000, 10_000);
    MachineCpu after = new MachineCpu(1_750, 11_000);

    assertThat(after.busyCoresSince(before, 2)).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void a_file_without_the_aggregate_line_gives_nothing() {
    assertThat(MachineCpu.parse("intr 1 2 3\n")).isEmpty();
    assertThat(MachineCpu.parse("cpu  a b c d\n")).isEmpty();
  }
}
