package com.syncwell.aws.dynamodb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.table.ItemKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexSortKeyTest {
  private static final Comparator<String> UTF8_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8));
  private static final Comparator<List<String>> TUPLE_ORDER =
      Comparator.<List<String>, String>comparing(t -> t.get(0), UTF8_ORDER)
          .thenComparing(t -> t.get(1), UTF8_ORDER)
          .thenComparing(t -> t.get(2), UTF8_ORDER);
  private static final String[] SYMBOLS = {"\u0000", "\u0001", "\u0002", "#", "a", "b", "é", "😀"};

  @Test
  void an_encoding_decodes_to_its_three_parts_even_with_control_characters() {
    ItemKey key = ItemKey.of("USER#\u0000\u0001", "CONFIG#\u0001\u0001");

    String encoded = IndexSortKey.encode("T\u0000\u0002", key);

    assertThat(IndexSortKey.decode(encoded))
        .containsExactly("T\u0000\u0002", "USER#\u0000\u0001", "CONFIG#\u0001\u0001");
    assertThat(encoded).doesNotContain("\u0000");
  }

  @Test
  void encodings_compare_by_utf8_bytes_as_their_parts_do_in_order() {
    Random random = new Random(20260101);
    List<List<String>> tuples = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      tuples.add(List.of(word(random, 0), word(random, 1), word(random, 1)));
    }

    for (int i = 1; i < tuples.size(); i++) {
      List<String> a = tuples.get(i - 1);
      List<String> b = tuples.get(i);
      int byParts = Integer.signum(TUPLE_ORDER.compare(a, b));
      int byEncoding = Integer.signum(UTF8_ORDER.compare(encode(a), encode(b)));
      assertThat(byEncoding).as("%s vs %s", a, b).isEqualTo(byParts);
    }
  }

  @Test
  void an_encoded_prefix_starts_exactly_the_encodings_whose_index_sort_key_has_that_prefix() {
    Random random = new Random(7);
    for (int i = 0; i < 3000; i++) {
      String prefix = word(random, 0);
      List<String> tuple = List.of(word(random, 0), word(random, 1), word(random, 1));

      assertThat(encode(tuple).startsWith(IndexSortKey.encodePrefix(prefix)))
          .as("%s starts %s", prefix, tuple)
          .isEqualTo(tuple.getFirst().startsWith(prefix));
    }
  }

  @Test
  void an_encoding_beyond_1024_bytes_is_refused() {
    ItemKey key = ItemKey.of("USER#1", "CONFIG#1");
    String fits = "x".repeat(1024 - "\u0001\u0001USER#1\u0001\u0001CONFIG#1".length());

    assertThat(IndexSortKey.encode(fits, key).getBytes(UTF_8)).hasSize(1024);
    assertThatThrownBy(() -> IndexSortKey.encode(fits + "x", key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
  }

  @Test
  void a_value_that_is_no_encoding_is_refused() {
    for (String bad :
        List.of("plain", "a\u0001\u0001b", "a\u0001\u0009b\u0001\u0001c", "a\u0001")) {
      assertThatThrownBy(() -> IndexSortKey.decode(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static String encode(List<String> tuple) {
    return IndexSortKey.encode(tuple.get(0), ItemKey.of(tuple.get(1), tuple.get(2)));
  }

  private static String word(Random random, int minLength) {
    int length = minLength + random.nextInt(4);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(SYMBOLS[random.nextInt(SYMBOLS.length)]);
    }
    return b.toString();
  }
}
