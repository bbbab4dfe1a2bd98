package com.syncwell.engine.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a store listing; {@code nextPageToken} is present when more may follow and is valid
 * only for the same listing.
 */
public record ResultPage<T>(List<T> items, Optional<String> nextPageToken) {
  public ResultPage {
    items = List.copyOf(items);
    Objects.requireNonNull(nextPageToken, "nextPageToken");
  }
}
