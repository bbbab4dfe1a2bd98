package com.syncwell.app.config;

/** Where jobs queue ({@code SYNCWELL_QUEUE}). */
public enum QueueKind {
  SQLITE,
  SQS
}
