package com.syncwell.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Samples the API's access lines before they are formatted: a request answered with 4xx or 5xx is
 * always logged, any other only when its correlation id falls in the sample ({@code
 * SYNCWELL_ACCESS_LOG_SAMPLE}, default {@code 1/100}; the same {@link LogSample} hash as job logs,
 * so a client that sends its own correlation id finds all or none of its lines). At 2,605
 * requests/s an unsampled access line costs more CPU than the bare request and most of the log
 * bill. A malformed sample keeps every line.
 */
public final class AccessLogSampleFilter extends TurboFilter {
  /** The access logger of {@code com.syncwell.api.http.RequestPipeline}. */
  static final String ACCESS_LOGGER = "com.syncwell.api.access";

  /** The status's position among the access line's arguments: method, route, status, ms. */
  private static final int STATUS_ARGUMENT = 2;

  private volatile LogSample sample = new LogSample(1, 100);

  /** Logback calls it with the configured value. */
  public void setSample(String text) {
    try {
      sample = LogSample.parse(text);
    } catch (IllegalArgumentException e) {
      addWarn("SYNCWELL_ACCESS_LOG_SAMPLE: " + e.getMessage() + "; logging every access line");
      sample = new LogSample(1, 1);
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !ACCESS_LOGGER.equals(logger.getName()) || format == null) {
      return FilterReply.NEUTRAL;
    }
    if (params != null
        && params.length > STATUS_ARGUMENT
        && params[STATUS_ARGUMENT] instanceof Integer status
        && status >= 400) {
      return FilterReply.NEUTRAL;
    }
    String correlationId = MDC.get("correlationId");
    return correlationId == null || sample.keeps(correlationId)
        ? FilterReply.NEUTRAL
        : FilterReply.DENY;
  }
}
