package com.syncwell.app.bench;

import java.lang.management.ManagementFactory;

/** CPU time this JVM has used so far, all threads; -1 where the platform does not report it. */
final class ProcessCpuTime {
  private ProcessCpuTime() {}

  static long nanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /** Microseconds of CPU per operation between two readings, NaN when either is unknown. */
  static double microsPer(long before, long after, long operations) {
    if (before < 0 || after < 0 || operations == 0) {
      return Double.NaN;
    }
    return (after - before) / 1_000.0 / operations;
  }
}
