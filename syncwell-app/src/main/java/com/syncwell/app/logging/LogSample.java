package com.syncwell.app.logging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A deterministic sample of job ids: {@code numerator} in {@code denominator} ids are in it, chosen
 * by the first 8 bytes of the SHA-256 of the id (so every process, and a later look at the same
 * job, agrees on whether it was kept). Written {@code "1/100"}; {@code "0/1"} keeps none, {@code
 * "1/1"} all.
 */
public record LogSample(long numerator, long denominator) {
  public LogSample {
    if (denominator < 1 || numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException(
          "a log sample is n/d with 0 <= n <= d and d >= 1, was " + numerator + "/" + denominator);
    }
  }

  /** Parses {@code "n/d"} (spaces and thousands separators {@code ,} {@code _} allowed). */
  public static LogSample parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("a log sample is n/d, e.g. 1/100; none was given");
    }
    String[] parts = text.replaceAll("[\\s,_]", "").split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("a log sample is n/d, e.g. 1/100; was '" + text + "'");
    }
    try {
      return new LogSample(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a log sample is n/d, e.g. 1/100; was '" + text + "'", e);
    }
  }

  /** True when {@code jobId} is in the sample. */
  public boolean keeps(String jobId) {
    if (numerator == denominator) {
      return true;
    }
    if (numerator == 0) {
      return false;
    }
    return Long.remainderUnsigned(hash(jobId), denominator) < numerator;
  }

  private static long hash(String id) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (digest[i] & 0xff);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
