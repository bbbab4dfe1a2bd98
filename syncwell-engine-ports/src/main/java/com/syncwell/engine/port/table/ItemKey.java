package com.syncwell.engine.port.table;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Primary key of an item: partition key and sort key, both non-empty UTF-8 strings (at most 2,048
 * and 1,024 bytes, the DynamoDB limits).
 */
public record ItemKey(String partitionKey, String sortKey) {
  public static final int MAX_PARTITION_KEY_BYTES = 2048;
  public static final int MAX_SORT_KEY_BYTES = 1024;

  public ItemKey {
    requireKeyPart("partition key", partitionKey, MAX_PARTITION_KEY_BYTES);
    requireKeyPart("sort key", sortKey, MAX_SORT_KEY_BYTES);
  }

  public static ItemKey of(String partitionKey, String sortKey) {
    return new ItemKey(partitionKey, sortKey);
  }

  static void requireKeyPart(String what, String value, int maxBytes) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw new IllegalArgumentException(
          what + " is " + bytes + " bytes; the limit is " + maxBytes + " bytes");
    }
  }
}
