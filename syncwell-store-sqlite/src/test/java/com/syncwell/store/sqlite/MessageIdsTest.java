package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
  private static final long MILLIS = 1_767_225_600_123L;

  @Test
  void an_id_is_a_version_7_uuid_that_starts_with_its_millisecond() {
    UUID id = UUID.fromString(MessageIds.next(MILLIS));

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(MILLIS);
  }

  @Test
  void ids_sort_by_their_millisecond_as_text() {
    String earlier = MessageIds.next(MILLIS);
    String later = MessageIds.next(MILLIS + 1);

    assertThat(later).isGreaterThan(earlier);
  }

  @Test
  void ids_of_one_millisecond_differ() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(MessageIds.next(MILLIS));
    }
    assertThat(ids).hasSize(100_000);
  }
}
