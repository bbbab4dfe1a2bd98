package com.syncwell.app.config;

/** Root log level ({@code SYNCWELL_LOG_LEVEL}). */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR
}
