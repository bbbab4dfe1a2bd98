package com.syncwell.store.sqlite;

import com.syncwell.engine.port.table.SecondaryIndex;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The partition column a query matches and the columns it orders (and pages) by. */
record QueryColumns(String partition, List<String> order) {
  /** The key columns of each secondary index in {@code meta_items}, in the enum's order. */
  private static final Map<SecondaryIndex, List<String>> INDEX_KEY_COLUMNS = indexKeyColumns();

  static QueryColumns of(Optional<SecondaryIndex> index) {
    return index
        .map(
            i -> {
              List<String> key = INDEX_KEY_COLUMNS.get(i);
              return new QueryColumns(key.get(0), List.of(key.get(1), "pk", "sk"));
            })
        .orElseGet(() -> new QueryColumns("pk", List.of("sk")));
  }

  /** Every index key column, partition then sort per index, comma-separated in enum order. */
  static String indexKeyColumnList() {
    return INDEX_KEY_COLUMNS.values().stream()
        .map(c -> String.join(", ", c))
        .collect(Collectors.joining(", "));
  }

  private static Map<SecondaryIndex, List<String>> indexKeyColumns() {
    Map<SecondaryIndex, List<String>> columns = new EnumMap<>(SecondaryIndex.class);
    for (SecondaryIndex index : SecondaryIndex.values()) {
      columns.put(
          index,
          switch (index) {
            case RE_AUTH_STATUS -> List.of("reauth_status_pk", "reauth_status_sk");
            case SCHEDULE -> List.of("schedule_pk", "schedule_sk");
          });
    }
    return columns;
  }
}
