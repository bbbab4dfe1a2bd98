package com.syncwell.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The machine's CPU counters from the first line of Linux's {@code /proc/stat}, in clock ticks:
 * busy (everything but idle and iowait) and total. Two readings give how many cores were busy
 * between them, whoever used them.
 */
record MachineCpu(long busyTicks, long totalTicks) {
  private static final Path STAT = Path.of("/proc/stat");

  /** Empty where there is no {@code /proc} (not Linux). */
  static Optional<MachineCpu> now() {
    try {
      return parse(Files.readString(STAT));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Reads the aggregate {@code cpu} line; empty when it is missing or malformed. */
  static Optional<MachineCpu> parse(String stat) {
    String first = stat.lines().findFirst().orElse("");
    String[] f = first.trim().split("\\s+");
    if (f.length < 5 || !f[0].equals("cpu")) {
      return Optional.empty();
    }
    try {
      // user nice system idle iowait irq softirq steal [guest guest_nice: already in user/nice]
      long[] v = Arrays.stream(f, 1, Math.min(f.length, 9)).mapToLong(Long::parseLong).toArray();
      long total = Arrays.stream(v).sum();
      long idle = v[3] + (v.length > 4 ? v[4] : 0);
      return Optional.of(new MachineCpu(total - idle, total));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Busy cores on average between {@code earlier} and this reading, out of {@code cores}. */
  double busyCoresSince(MachineCpu earlier, int cores) {
    long total = totalTicks - earlier.totalTicks;
    return total <= 0 ? 0 : (double) (busyTicks - earlier.busyTicks) / total * cores;
  }
}
