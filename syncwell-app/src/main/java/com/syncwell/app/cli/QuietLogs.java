package com.syncwell.app.cli;

/**
 * Turns loggers down to WARN for a benchmark: per-job INFO lines (hundreds a second) would measure
 * the log encoder, and one-off INFO lines (server start and stop) would break up the printed table.
 */
final class QuietLogs {
  private QuietLogs() {}

  static void warnOnly(String... loggerNames) {
    for (String name : loggerNames) {
      if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
        logger.setLevel(ch.qos.logback.classic.Level.WARN);
      }
    }
  }
}
