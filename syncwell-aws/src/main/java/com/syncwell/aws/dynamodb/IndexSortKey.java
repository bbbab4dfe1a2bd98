package com.syncwell.aws.dynamodb;

import com.syncwell.engine.port.table.ItemKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of a secondary index's sort key attribute: the port's index sort key followed by the
 * item's table key, so that DynamoDB orders index entries by index sort key, then partition key,
 * then sort key, as the port requires (DynamoDB itself leaves the order of equal index sort keys
 * unspecified).
 *
 * <p>The three parts are joined by the separator U+0001 U+0001; inside a part U+0000 is written as
 * U+0001 U+0002 and U+0001 as U+0001 U+0003. The separator is then the smallest symbol, so
 * comparing encodings by their UTF-8 bytes (as DynamoDB does) compares the parts in order, and the
 * encoding of a prefix of the index sort key is a prefix of every encoding whose index sort key
 * starts with it. No U+0000 reaches the engine.
 *
 * <p>DynamoDB limits a sort key to {@value #MAX_BYTES} bytes, so the index sort key plus the table
 * key must fit in that (the keys the design uses are a few dozen bytes).
 */
final class IndexSortKey {
  static final int MAX_BYTES = 1024;

  private static final char ESCAPE = '\u0001';
  private static final String SEPARATOR = "\u0001\u0001";

  private IndexSortKey() {}

  /**
   * The attribute value for {@code indexSortKey} of the item with {@code tableKey}.
   *
   * @throws IllegalArgumentException when the encoding exceeds {@value #MAX_BYTES} UTF-8 bytes
   */
  static String encode(String indexSortKey, ItemKey tableKey) {
    String encoded =
        escape(indexSortKey)
            + SEPARATOR
            + escape(tableKey.partitionKey())
            + SEPARATOR
            + escape(tableKey.sortKey());
    int bytes = encoded.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException(
          "index sort key plus table key take "
              + bytes
              + " bytes on DynamoDB; the limit of an index sort key is "
              + MAX_BYTES
              + " bytes");
    }
    return encoded;
  }

  /** What every encoding whose index sort key starts with {@code prefix} starts with. */
  static String encodePrefix(String prefix) {
    return escape(prefix);
  }

  /**
   * The parts of an encoding: index sort key, partition key, sort key.
   *
   * @throws IllegalArgumentException when {@code encoded} is not an encoding of three parts
   */
  static List<String> decode(String encoded) {
    List<String> parts = new ArrayList<>(3);
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c != ESCAPE) {
        part.append(c);
        continue;
      }
      if (++i == encoded.length()) {
        throw new IllegalArgumentException("index sort key ends inside an escape");
      }
      switch (encoded.charAt(i)) {
        case '\u0001' -> {
          parts.add(part.toString());
          part.setLength(0);
        }
        case '\u0002' -> part.append('\u0000');
        case '\u0003' -> part.append('\u0001');
        default -> throw new IllegalArgumentException("index sort key has an unknown escape");
      }
    }
    parts.add(part.toString());
    if (parts.size() != 3) {
      throw new IllegalArgumentException(
          "index sort key has " + parts.size() + " parts instead of 3");
    }
    return parts;
  }

  private static String escape(String part) {
    if (part.indexOf('\u0000') < 0 && part.indexOf(ESCAPE) < 0) {
      return part;
    }
    StringBuilder out = new StringBuilder(part.length() + 8);
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      switch (c) {
        case '\u0000' -> out.append(ESCAPE).append('\u0002');
        case '\u0001' -> out.append(ESCAPE).append('\u0003');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
