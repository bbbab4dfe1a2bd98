package com.syncwell.engine.port.table;

/**
 * The sparse secondary indexes of the table. An item appears in an index only while it carries a
 * key for it. Index reads may lag writes briefly on engines with asynchronous indexes.
 */
public enum SecondaryIndex {
  /** Connections that need the user to authorize again. */
  RE_AUTH_STATUS("ReAuthStatus"),
  /** Sync configs by the time they are next due, for the scheduler. */
  SCHEDULE("Schedule");

  private final String indexName;

  SecondaryIndex(String indexName) {
    this.indexName = indexName;
  }

  /** The index name as the infrastructure declares it. */
  public String indexName() {
    return indexName;
  }
}
