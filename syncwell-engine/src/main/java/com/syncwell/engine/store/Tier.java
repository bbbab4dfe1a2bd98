package com.syncwell.engine.store;

/**
 * A user's plan. It sets how often the scheduler runs their sync configs (PRO every 15 minutes,
 * FREE daily) and how their job logs are sampled.
 */
public enum Tier {
  FREE,
  PRO
}
