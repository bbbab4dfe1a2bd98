package com.syncwell.engine.port.table;

/** Sort-key order of a query. */
public enum Direction {
  ASCENDING,
  DESCENDING
}
