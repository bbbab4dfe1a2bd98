package com.syncwell.engine.port.table;

/** Key of an item in a sparse secondary index: index partition key and index sort key. */
public record IndexKey(String partitionKey, String sortKey) {
  public IndexKey {
    ItemKey.requireKeyPart("index partition key", partitionKey, ItemKey.MAX_PARTITION_KEY_BYTES);
    ItemKey.requireKeyPart("index sort key", sortKey, ItemKey.MAX_SORT_KEY_BYTES);
  }

  public static IndexKey of(String partitionKey, String sortKey) {
    return new IndexKey(partitionKey, sortKey);
  }
}
