package com.syncwell.connector;

import com.syncwell.domain.RecordRef;
import java.util.List;
import java.util.Objects;

/**
 * One page of a change listing: record metadata, the cursor to continue from, and whether more
 * pages follow now. The cursor of the last page ({@code more == false}) is the high-water mark to
 * keep for the next sync.
 */
public record ChangePage(List<RecordRef> records, Cursor next, boolean more) {
  public ChangePage {
    records = List.copyOf(records);
    Objects.requireNonNull(next, "next");
  }
}
