package com.syncwell.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {
  private static final String STATUS =
      """
      Name:\tjava
      VmPeak:\t 3158668 kB
      VmSize:\t 3158668 kB
      VmHWM:\t  333112 kB
      VmRSS:\t  325120 kB
      RssAnon:\t  290000 kB
      Threads:\t42
      """;

  @Test
  void reads_the_resident_set_now_and_its_peak() {
    ResidentMemory m = ResidentMemory.parse(STATUS).orElseThrow();

    assertThat(m.currentKb()).isEqualTo(325_120);
    assertThat(m.peakKb()).isEqualTo(333_112);
    assertThat(m.currentMb()).isEqualTo(317.5);
  }

  @Test
  void a_status_without_both_fields_gives_nothing() {
    assertThat(ResidentMemory.parse("Name:\tjava\nVmRSS:\t 1 kB\n")).isEmpty();
  }
}
