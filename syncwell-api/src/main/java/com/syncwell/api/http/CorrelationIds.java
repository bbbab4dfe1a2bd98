package com.syncwell.api.http;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Correlation ids ({@code X-Correlation-Id}): a caller's id is kept when it matches {@code
 * [A-Za-z0-9._-]{8,64}}; otherwise (absent, malformed) a random UUID is used.
 */
public final class CorrelationIds {
  public static final String HEADER = "X-Correlation-Id";
  public static final String MDC_KEY = "correlationId";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private CorrelationIds() {}

  /** The caller's id when well-formed, else a new one. */
  public static String acceptOrGenerate(Optional<String> offered) {
    return offered.filter(CorrelationIds::isWellFormed).orElseGet(CorrelationIds::generate);
  }

  public static boolean isWellFormed(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }

  public static String generate() {
    return UUID.randomUUID().toString();
  }
}
