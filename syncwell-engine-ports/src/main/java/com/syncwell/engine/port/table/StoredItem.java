package com.syncwell.engine.port.table;

import java.util.Objects;

/**
 * An item as read back, with its version. Versions start at 1 and each conditional write increments
 * them; the caller passes the version it read to the next conditional write.
 */
public record StoredItem(Item item, long version) {
  public StoredItem {
    Objects.requireNonNull(item, "item");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }

  public ItemKey key() {
    return item.key();
  }
}
