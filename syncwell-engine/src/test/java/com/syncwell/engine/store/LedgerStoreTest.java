package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.VersionConflict;
import com.syncwell.engine.port.table.Written;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerStoreTest {
  private static final String FP = "sha256:aaaa";
  private static final String FP2 = "sha256:bbbb";

  @TempDir Path dir;
  private StoreFixture fx;
  private LedgerStore ledger;

  @BeforeEach
  void open() {
    fx = new StoreFixture(dir);
    ledger = new LedgerStore(fx.table, fx.clock);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void begin_write_creates_a_pending_entry_under_the_users_partition() {
    BeginWriteOutcome outcome = ledger.beginWrite("u1", "cfg_1", "act#42", FP);

    assertThat(outcome).isInstanceOf(WriteBegun.class);
    LedgerEntry entry = ((WriteBegun) outcome).entry();
    assertThat(entry.state()).isEqualTo(LedgerState.PENDING);
    assertThat(entry.fingerprint()).isEqualTo(FP);
    assertThat(entry.destinationId()).isEmpty();
    assertThat(entry.failureCount()).isZero();
    assertThat(fx.table.get(ItemKey.of("USER#u1", "LEDGER#cfg_1#act#42"))).isPresent();
    assertThat(ledger.get("u1", "cfg_1", "act#42")).contains(entry);
  }

  @Test
  void begin_write_on_an_existing_entry_returns_it_unchanged() {
    ledger.beginWrite("u1", "cfg_1", "a1", FP);

    BeginWriteOutcome again = ledger.beginWrite("u1", "cfg_1", "a1", FP2);

    assertThat(again).isInstanceOf(AlreadyRecorded.class);
    AlreadyRecorded recorded = (AlreadyRecorded) again;
    assertThat(recorded.current().state()).isEqualTo(LedgerState.PENDING);
    assertThat(recorded.current().fingerprint()).isEqualTo(FP);
    assertThat(recorded.sourceChanged()).isFalse();
  }

  @Test
  void mark_written_records_the_destination_id_version_checked() {
    LedgerEntry entry = ((WriteBegun) ledger.beginWrite("u1", "cfg_1", "a1", FP)).entry();

    assertThat(ledger.markWritten("u1", "cfg_1", "a1", "dest-1", entry.version() + 1))
        .isInstanceOf(VersionConflict.class);
    assertThat(ledger.markWritten("u1", "cfg_1", "a1", "dest-1", entry.version()))
        .isEqualTo(new Written(2));

    LedgerEntry written = ledger.get("u1", "cfg_1", "a1").orElseThrow();
    assertThat(written.state()).isEqualTo(LedgerState.WRITTEN);
    assertThat(written.destinationId()).contains("dest-1");
  }

  @Test
  void a_written_entry_with_the_same_fingerprint_is_not_a_change() {
    LedgerEntry entry = ((WriteBegun) ledger.beginWrite("u1", "cfg_1", "a1", FP)).entry();
    ledger.markWritten("u1", "cfg_1", "a1", "dest-1", entry.version());

    AlreadyRecorded again = (AlreadyRecorded) ledger.beginWrite("u1", "cfg_1", "a1", FP);

    assertThat(again.current().state()).isEqualTo(LedgerState.WRITTEN);
    assertThat(again.sourceChanged()).isFalse();
  }

  @Test
  void a_written_entry_with_another_fingerprint_is_exposed_as_a_changed_source() {
    LedgerEntry entry = ((WriteBegun) ledger.beginWrite("u1", "cfg_1", "a1", FP)).entry();
    ledger.markWritten("u1", "cfg_1", "a1", "dest-1", entry.version());

    AlreadyRecorded changed = (AlreadyRecorded) ledger.beginWrite("u1", "cfg_1", "a1", FP2);

    assertThat(changed.sourceChanged()).isTrue();
    assertThat(changed.current().fingerprint()).isEqualTo(FP);
    assertThat(ledger.get("u1", "cfg_1", "a1").orElseThrow().state())
        .isEqualTo(LedgerState.WRITTEN);
  }

  @Test
  void begin_rewrite_puts_a_changed_record_back_to_pending_keeping_its_destination() {
    LedgerEntry entry = ((WriteBegun) ledger.beginWrite("u1", "cfg_1", "a1", FP)).entry();
    ledger.markWritten("u1", "cfg_1", "a1", "dest-1", entry.version());
    LedgerEntry written = ledger.get("u1", "cfg_1", "a1").orElseThrow();

    assertThat(ledger.beginRewrite(written, FP2)).isInstanceOf(Written.class);
    assertThat(ledger.beginRewrite(written, FP2)).isInstanceOf(VersionConflict.class);

    LedgerEntry pending = ledger.get("u1", "cfg_1", "a1").orElseThrow();
    assertThat(pending.state()).isEqualTo(LedgerState.PENDING);
    assertThat(pending.fingerprint()).isEqualTo(FP2);
    assertThat(pending.destinationId()).contains("dest-1");
  }

  @Test
  void failures_are_counted_and_the_fifth_blocks_the_record_with_its_reason() {
    ledger.beginWrite("u1", "cfg_1", "a1", FP);

    LedgerEntry last = null;
    for (int i = 1; i <= 5; i++) {
      last = ledger.recordFailure("u1", "cfg_1", "a1", FP, "rejected #" + i);
      assertThat(last.failureCount()).isEqualTo(i);
      assertThat(last.state()).isEqualTo(i < 5 ? LedgerState.PENDING : LedgerState.BLOCKED);
    }

    assertThat(last.lastReason()).contains("rejected #5");
    assertThat(ledger.get("u1", "cfg_1", "a1")).contains(last);
    assertThat(ledger.beginWrite("u1", "cfg_1", "a1", FP))
        .isInstanceOfSatisfying(
            AlreadyRecorded.class,
            r -> assertThat(r.current().state()).isEqualTo(LedgerState.BLOCKED));
  }

  @Test
  void a_failure_before_any_write_creates_a_pending_entry() {
    LedgerEntry entry = ledger.recordFailure("u1", "cfg_1", "a1", FP, "fetch failed: malformed");

    assertThat(entry.state()).isEqualTo(LedgerState.PENDING);
    assertThat(entry.failureCount()).isEqualTo(1);
    assertThat(entry.lastReason()).contains("fetch failed: malformed");
  }

  @Test
  void a_long_reason_is_cut() {
    LedgerEntry entry = ledger.recordFailure("u1", "cfg_1", "a1", FP, "x".repeat(2000));

    assertThat(entry.lastReason().orElseThrow()).hasSize(LedgerStore.MAX_REASON_LENGTH);
  }

  @Test
  void a_successful_write_clears_the_failures() {
    ledger.beginWrite("u1", "cfg_1", "a1", FP);
    LedgerEntry failed = ledger.recordFailure("u1", "cfg_1", "a1", FP, "timeout");

    ledger.markWritten("u1", "cfg_1", "a1", "dest-1", failed.version());

    LedgerEntry written = ledger.get("u1", "cfg_1", "a1").orElseThrow();
    assertThat(written.failureCount()).isZero();
    assertThat(written.lastReason()).isEmpty();
  }

  @Test
  void of_two_workers_beginning_the_same_write_exactly_one_owns_it() throws Exception {
    for (int round = 0; round < 20; round++) {
      String item = "rec-" + round;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<BeginWriteOutcome>> futures = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    return ledger.beginWrite("u1", "cfg_1", item, FP);
                  }));
        }
        start.countDown();
        List<BeginWriteOutcome> outcomes = new ArrayList<>();
        for (Future<BeginWriteOutcome> f : futures) {
          outcomes.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes).filteredOn(o -> o instanceof WriteBegun).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof AlreadyRecorded).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void entries_list_by_config_in_pages_without_other_configs() {
    for (int i = 0; i < 5; i++) {
      ledger.beginWrite("u1", "cfg_1", "a" + i, FP);
    }
    ledger.beginWrite("u1", "cfg_10", "zz", FP);
    ledger.beginWrite("u2", "cfg_1", "other-user", FP);

    ResultPage<LedgerEntry> first = ledger.listByConfig("u1", "cfg_1", 2, Optional.empty());
    List<String> all = new ArrayList<>();
    ResultPage<LedgerEntry> page = first;
    while (true) {
      page.items().forEach(e -> all.add(e.sourceItemId()));
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      page = ledger.listByConfig("u1", "cfg_1", 2, page.nextPageToken());
    }

    assertThat(first.items()).hasSize(2);
    assertThat(all).containsExactly("a0", "a1", "a2", "a3", "a4");
  }

  @Test
  void the_ledger_item_holds_ids_fingerprints_and_counts_only() {
    ledger.beginWrite("u1", "cfg_1", "a1", FP);

    assertThat(
            fx.table
                .get(ItemKey.of("USER#u1", "LEDGER#cfg_1#a1"))
                .orElseThrow()
                .item()
                .attributes())
        .containsOnlyKeys(
            "kind",
            "configId",
            "sourceItemId",
            "fingerprint",
            "state",
            "failureCount",
            "updatedAt");
  }
}
