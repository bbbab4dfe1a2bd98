package com.syncwell.engine.port.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The 400 KiB item limit counts strings in UTF-8 bytes, as DynamoDB does. */
class ItemSizeTest {
  /** One, two, three and four bytes per character, and a lone surrogate (one byte: '?'). */
  private static final String MIXED = "a\u00e9\u20ac\ud83d\ude00\ud800b\udc00";

  @Property
  void the_counted_length_is_the_encoded_length(@ForAll String s) {
    assertThat(Item.utf8(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void every_width_of_character_and_lone_surrogates_count_as_encoded() {
    for (String s : new String[] {"", "ascii", MIXED, "\ud800", "\udc00\ud800", "x\ud83d"}) {
      assertThat(Item.utf8(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void an_item_of_exactly_the_limit_in_multibyte_text_is_accepted_and_one_byte_more_is_not() {
    int overhead = 1 + 1 + 32 + 1; // partition key "P", sort key "S", fixed 32, attribute "a"
    int target = Item.MAX_SIZE_BYTES - overhead;
    int mixedBytes = MIXED.getBytes(StandardCharsets.UTF_8).length; // no pair spans two copies
    StringBuilder text = new StringBuilder();
    int bytes = 0;
    while (bytes + mixedBytes <= target) {
      text.append(MIXED);
      bytes += mixedBytes;
    }
    text.append("x".repeat(target - bytes));
    String atLimit = text.toString();
    assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(target);

    assertThat(Item.builder("P", "S").set("a", atLimit).build().attribute("a")).isPresent();
    assertThatThrownBy(() -> Item.builder("P", "S").set("a", atLimit + "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }
}
