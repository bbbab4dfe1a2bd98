package com.syncwell.simulator.data;

/** Where a stored record came from. */
public enum Origin {
  /** The seeded dataset (a device synced it). */
  GENERATED,
  /** A file upload through the provider API. */
  UPLOADED,
  /** Created through the provider API (manual activity, data point create). */
  API,
  /** Added or changed through {@code /_sim}. */
  ADMIN
}
