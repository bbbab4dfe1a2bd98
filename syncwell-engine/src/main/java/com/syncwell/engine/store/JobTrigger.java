package com.syncwell.engine.store;

/** What started a sync job. */
public enum JobTrigger {
  MANUAL,
  WEBHOOK,
  SCHEDULED
}
