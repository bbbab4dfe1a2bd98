package com.syncwell.app.config;

/**
 * Where metrics go besides {@code /metrics} ({@code SYNCWELL_METRICS}): nowhere else ({@code
 * prometheus}, the default) or also as CloudWatch EMF JSON lines on stdout ({@code emf}).
 */
public enum MetricsFormat {
  PROMETHEUS,
  EMF
}
