package com.syncwell.engine.port.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query. {@code nextPageToken} is present when more items may follow; it is opaque
 * and only valid for the same query. A page may hold fewer items than the limit (even none) and
 * still have a token.
 */
public record Page(List<StoredItem> items, Optional<String> nextPageToken) {
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(nextPageToken, "nextPageToken");
  }
}
