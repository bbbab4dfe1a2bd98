package com.syncwell.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident set size of this process from Linux's {@code /proc/self/status}: now ({@code VmRSS}) and
 * the peak so far ({@code VmHWM}), in kB.
 */
record ResidentMemory(long currentKb, long peakKb) {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Pattern LINE = Pattern.compile("^(VmRSS|VmHWM):\\s+(\\d+) kB\\s*$");

  /** Empty where there is no {@code /proc} (not Linux). */
  static Optional<ResidentMemory> ofThisProcess() {
    try {
      return parse(Files.readString(STATUS));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  /** Reads both fields from the text of a {@code /proc/PID/status}; empty when one is missing. */
  static Optional<ResidentMemory> parse(String status) {
    OptionalLong rss = OptionalLong.empty();
    OptionalLong hwm = OptionalLong.empty();
    for (String line : status.split("\\R")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        long kb = Long.parseLong(m.group(2));
        if (m.group(1).equals("VmRSS")) {
          rss = OptionalLong.of(kb);
        } else {
          hwm = OptionalLong.of(kb);
        }
      }
    }
    if (rss.isEmpty() || hwm.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ResidentMemory(rss.getAsLong(), hwm.getAsLong()));
  }

  double currentMb() {
    return currentKb / 1024.0;
  }

  double peakMb() {
    return peakKb / 1024.0;
  }
}
