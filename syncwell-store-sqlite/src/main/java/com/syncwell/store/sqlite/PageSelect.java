package com.syncwell.store.sqlite;

import com.syncwell.engine.port.table.Direction;
import com.syncwell.engine.port.table.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The SELECT of one query page of {@code meta_items}, with its parameters. */
record PageSelect(String sql, List<Object> parameters) {

  /**
   * The SELECT of a query page: the partition, the sort-key range of the prefix, the position after
   * the page token, live items only, in order, {@code limit + 1} rows so that the caller knows
   * whether more follow.
   *
   * <p>A continuation replaces the range bound on its side (the lower bound ascending, the upper
   * bound descending), so that SQLite seeks straight to the position instead of choosing between
   * two bounds on one column and scanning from the start of the range: paging stays linear. The
   * page token guarantees that the position lies inside the range.
   */
  static PageSelect of(Query query, QueryColumns columns, Optional<List<String>> after, long now) {
    String sort = columns.order().getFirst();
    boolean ascending = query.direction() == Direction.ASCENDING;
    Optional<String> upperBound = prefixUpperBound(query.sortKeyPrefix());
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(SqliteMetadataTable.COLUMNS)
            .append(" FROM meta_items WHERE ")
            .append(columns.partition())
            .append(" = ?");
    parameters.add(query.partitionKey());
    if (after.isPresent()) {
      sql.append(" AND (")
          .append(String.join(", ", columns.order()))
          .append(ascending ? ") > (" : ") < (")
          .append(String.join(", ", Collections.nCopies(columns.order().size(), "?")))
          .append(')');
      parameters.addAll(after.get());
    }
    if (!query.sortKeyPrefix().isEmpty() && (after.isEmpty() || !ascending)) {
      sql.append(" AND ").append(sort).append(" >= ?");
      parameters.add(query.sortKeyPrefix());
    }
    if (upperBound.isPresent() && (after.isEmpty() || ascending)) {
      sql.append(" AND ").append(sort).append(" < ?");
      parameters.add(upperBound.get());
    }
    sql.append(" AND ").append(SqliteMetadataTable.LIVE);
    parameters.add(now);
    sql.append(" ORDER BY ")
        .append(
            columns.order().stream()
                .map(c -> c + (ascending ? " ASC" : " DESC"))
                .collect(Collectors.joining(", ")))
        .append(" LIMIT ?");
    parameters.add(query.limit() + 1);
    return new PageSelect(sql.toString(), parameters);
  }

  /**
   * The least string greater than every string that starts with {@code prefix}, in code point order
   * (which is UTF-8 byte order): the prefix with its last code point below U+10FFFF incremented and
   * what follows it dropped. Empty when there is none (empty prefix, or only U+10FFFF).
   */
  static Optional<String> prefixUpperBound(String prefix) {
    int[] codePoints = prefix.codePoints().toArray();
    for (int i = codePoints.length - 1; i >= 0; i--) {
      int next = codePoints[i] + 1;
      if (next <= Character.MAX_CODE_POINT) {
        if (next == Character.MIN_SURROGATE) {
          next = Character.MAX_SURROGATE + 1;
        }
        codePoints[i] = next;
        return Optional.of(new String(codePoints, 0, i + 1));
      }
    }
    return Optional.empty();
  }
}
