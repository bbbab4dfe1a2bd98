package com.syncwell.simulator.data;

import java.nio.charset.StandardCharsets;

/** Stable 64-bit hashing (FNV-1a and SplitMix64 finalisation) for seeds and ids. */
public final class Mix {
  private Mix() {}

  public static long of(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return finish(h);
  }

  public static long of(long a, long b) {
    return finish(a * 0x9E3779B97F4A7C15L + finish(b));
  }

  public static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
