package com.syncwell.engine.account;

import static com.syncwell.engine.account.AccountBed.ALICE;
import static com.syncwell.engine.account.AccountBed.BOB;
import static com.syncwell.engine.account.AccountBed.manualSync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.connector.Cursor;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.Transient;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionCreated;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.CursorStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobMissing;
import com.syncwell.engine.store.JobProgress;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.Profile;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.UserPartition;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.store.crypto.KeysetFile;
import com.syncwell.store.crypto.TinkTokenCipher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DeleteAccount} on SQLite: everything of the user goes (partition, webhook routing, grants
 * at the providers), nothing of anyone else does; reruns, crashes at every write, races, a user
 * starting anew while an erasure ends, and partitions larger than one run.
 */
class DeleteAccountTest {
  @TempDir Path dir;
  private AccountBed bed;
  private HookedTable hooked;

  @BeforeEach
  void open() {
    bed = hookedBed(dir);
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private AccountBed hookedBed(Path where) {
    return new AccountBed(
        where, AccountBed.scriptedFitbitAndStrava(), real -> hooked = new HookedTable(real));
  }

  /** What a user has after some use: every kind of item SyncWell keeps. */
  private static void seed(AccountBed bed, String user) {
    bed.profiles.getOrCreate(user);
    Connection fitbit = bed.connect(user, "fitbit", "fb-" + user);
    Connection strava = bed.connect(user, "strava", "st-" + user);
    SyncConfig config = bed.config(user, fitbit, strava, DataType.WORKOUT);
    bed.jobs.create(user, config.configId(), JobTrigger.SCHEDULED);
    Job running = bed.jobs.create(user, config.configId(), JobTrigger.MANUAL);
    bed.jobs.claim(user, running.jobId(), "worker-1", Duration.ofMinutes(5));
    Job done = bed.jobs.create(user, config.configId(), JobTrigger.MANUAL);
    bed.jobs.claim(user, done.jobId(), "worker-1", Duration.ofMinutes(5));
    bed.jobs.succeed(user, done.jobId(), "worker-1", JobReport.empty());
    bed.cursors.advance(
        user,
        fitbit.connectionId(),
        DataType.WORKOUT,
        config.configId(),
        new Cursor("2026-01-01T00:00:00Z"),
        CursorStore.NO_CURSOR);
    bed.ledger.beginWrite(user, config.configId(), "workout-1", "fp-1");
    bed.ledger.recordFailure(user, config.configId(), "workout-2", "fp-2", "sport not supported");
    bed.idempotency.begin(user, "key-1", "a".repeat(64));
    bed.nonces.recordFirstUse(user, "nonce-1", bed.clock.instant().plus(Duration.ofMinutes(10)));
    bed.exports.create(user);
  }

  /** Every live item of the user's partition, profile included, with its version. */
  private static Map<String, Long> partition(MetadataTable table, String user) {
    List<StoredItem> all = new ArrayList<>();
    Query query = Query.partition("USER#" + user);
    while (true) {
      Page page = table.query(query);
      all.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        return all.stream().collect(Collectors.toMap(s -> s.key().sortKey(), StoredItem::version));
      }
      query = query.after(page.nextPageToken().get());
    }
  }

  private List<String> revokedAccessTokens() {
    List<String> all = new ArrayList<>();
    for (String provider : new String[] {"fitbit", "strava"}) {
      synchronized (bed.scripted(provider).revoked) {
        bed.scripted(provider).revoked.forEach(t -> all.add(t.accessToken()));
      }
    }
    return all;
  }

  @Test
  void erasure_leaves_nothing_of_the_user_and_revokes_every_grant() {
    seed(bed, ALICE);
    int items = partition(bed.table, ALICE).size();
    assertThat(items).isEqualTo(13);

    DeleteAccountOutcome outcome = bed.deleteAccount().erase(ALICE);

    assertThat(outcome).isEqualTo(new AccountErased(new ErasureTally(2, 0, 2, 2, items - 1)));
    assertThat(partition(bed.table, ALICE)).isEmpty();
    assertThat(bed.profiles.get(ALICE)).isEmpty();
    assertThat(bed.connections.findOwner("fitbit", "fb-" + ALICE)).isEmpty();
    assertThat(bed.connections.findOwner("strava", "st-" + ALICE)).isEmpty();
    assertThat(revokedAccessTokens()).containsExactlyInAnyOrder("at-fb-" + ALICE, "at-st-" + ALICE);
  }

  @Test
  void another_users_items_routing_and_grants_are_untouched() {
    seed(bed, ALICE);
    seed(bed, BOB);
    Map<String, Long> bobs = partition(bed.table, BOB);

    bed.deleteAccount().erase(ALICE);

    assertThat(partition(bed.table, BOB)).isEqualTo(bobs);
    assertThat(bed.connections.findOwner("fitbit", "fb-" + BOB).orElseThrow().userId())
        .isEqualTo(BOB);
    assertThat(bed.connections.findOwner("strava", "st-" + BOB).orElseThrow().userId())
        .isEqualTo(BOB);
    assertThat(revokedAccessTokens()).noneMatch(t -> t.contains(BOB));
    assertThat(bed.profiles.get(BOB).orElseThrow().isBeingErased()).isFalse();
  }

  @Test
  void a_second_erasure_finds_nothing_and_changes_nothing() {
    seed(bed, ALICE);
    seed(bed, BOB);
    bed.deleteAccount().erase(ALICE);
    Map<String, Long> bobs = partition(bed.table, BOB);

    DeleteAccountOutcome again = bed.deleteAccount().erase(ALICE);

    assertThat(again).isEqualTo(new AccountErased(new ErasureTally(0, 0, 0, 0, 0)));
    assertThat(partition(bed.table, ALICE)).isEmpty();
    assertThat(partition(bed.table, BOB)).isEqualTo(bobs);
    assertThat(revokedAccessTokens()).hasSize(2);
  }

  @Test
  void unfinished_jobs_are_cancelled_and_a_worker_holding_one_finds_it_gone() {
    SyncConfig config =
        bed.config(
            ALICE,
            bed.connect(ALICE, "fitbit", "fb-a"),
            bed.connect(ALICE, "strava", "st-a"),
            DataType.WORKOUT);
    bed.jobs.create(ALICE, config.configId(), JobTrigger.SCHEDULED);
    Job running = bed.jobs.create(ALICE, config.configId(), JobTrigger.MANUAL);
    bed.jobs.claim(ALICE, running.jobId(), "worker-1", Duration.ofMinutes(5));

    DeleteAccountOutcome outcome = bed.deleteAccount().erase(ALICE);

    assertThat(outcome.tally().jobsCancelled()).isEqualTo(2);
    assertThat(
            bed.jobs.extendLease(
                ALICE, running.jobId(), "worker-1", Duration.ofMinutes(5), JobProgress.NONE))
        .isInstanceOf(JobMissing.class);
    assertThat(bed.dueConfigIds(bed.clock.instant().plus(Duration.ofDays(365)))).isEmpty();
  }

  @Test
  void a_revocation_that_fails_or_cannot_be_made_does_not_stop_the_erasure() {
    seed(bed, ALICE);
    bed.connect(ALICE, "garmin", "gm-alice");
    bed.scripted("strava").revokeFailure = new Transient("strava", "503", null);

    DeleteAccountOutcome outcome = bed.deleteAccount().erase(ALICE);

    assertThat(outcome).isInstanceOf(AccountErased.class);
    assertThat(outcome.tally().grantsRevoked()).isEqualTo(1);
    assertThat(outcome.tally().revocationsFailed()).isEqualTo(2);
    assertThat(outcome.tally().providerAccountsReleased()).isEqualTo(3);
    assertThat(partition(bed.table, ALICE)).isEmpty();
    assertThat(bed.connections.findOwner("garmin", "gm-alice")).isEmpty();
  }

  @Test
  void a_crash_before_any_write_is_finished_by_running_the_erasure_again(@TempDir Path runs) {
    int crashes = 0;
    for (int n = 1; ; n++) {
      try (AccountBed run = hookedBed(runs.resolve("crash-" + n))) {
        seed(run, ALICE);
        seed(run, BOB);
        Map<String, Long> bobs = partition(run.table, BOB);
        hooked.crashBefore(n);
        boolean crashed;
        try {
          run.deleteAccount().erase(ALICE);
          crashed = false;
        } catch (HookedTable.Crash expected) {
          crashed = true;
        }
        hooked.disarm();
        if (crashed) {
          crashes++;
          if (n > 1) {
            assertThat(run.profiles.get(ALICE).orElseThrow().isBeingErased())
                .as("n=%d", n)
                .isTrue();
            assertThat(run.requestExport().request(ALICE)).isInstanceOf(AccountBeingErased.class);
          }
          assertThat(run.deleteAccount().erase(ALICE)).isInstanceOf(AccountErased.class);
        }
        assertThat(partition(run.table, ALICE)).as("n=%d", n).isEmpty();
        assertThat(run.connections.findOwner("fitbit", "fb-" + ALICE)).as("n=%d", n).isEmpty();
        assertThat(run.connections.findOwner("strava", "st-" + ALICE)).as("n=%d", n).isEmpty();
        assertThat(partition(run.table, BOB)).as("n=%d", n).isEqualTo(bobs);
        assertThat(run.scripted("strava").revoked)
            .extracting(TokenSet::accessToken)
            .as("n=%d", n)
            .contains("at-st-" + ALICE)
            .doesNotContain("at-st-" + BOB);
        assertThat(run.getProfile().get(ALICE).isBeingErased()).isFalse();
        if (!crashed) {
          break;
        }
      }
    }
    // mark, two owner items, two job cancels, one batch delete, the profile delete
    assertThat(crashes).isGreaterThanOrEqualTo(7);
  }

  @Test
  void two_erasures_racing_each_other_both_end_with_nothing_left() {
    seed(bed, ALICE);
    DeleteAccount racer = erasureOn(hooked.real());
    List<DeleteAccountOutcome> racers = new ArrayList<>();
    hooked.before(1, () -> racers.add(racer.erase(ALICE)));

    DeleteAccountOutcome first = bed.deleteAccount().erase(ALICE);

    assertThat(first).isInstanceOf(AccountErased.class);
    assertThat(racers).singleElement().isInstanceOf(AccountErased.class);
    assertThat(partition(bed.table, ALICE)).isEmpty();
    assertThat(revokedAccessTokens()).containsExactlyInAnyOrder("at-fb-" + ALICE, "at-st-" + ALICE);
  }

  @Test
  void two_erasures_on_two_threads_both_end_with_nothing_left() throws Exception {
    seed(bed, ALICE);
    seed(bed, BOB);
    Map<String, Long> bobs = partition(bed.table, BOB);
    CountDownLatch go = new CountDownLatch(1);
    Callable<DeleteAccountOutcome> erase =
        () -> {
          go.await();
          return bed.deleteAccount().erase(ALICE);
        };
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      Future<DeleteAccountOutcome> one = pool.submit(erase);
      Future<DeleteAccountOutcome> two = pool.submit(erase);
      go.countDown();
      assertThat(one.get()).isInstanceOf(AccountErased.class);
      assertThat(two.get()).isInstanceOf(AccountErased.class);
    }
    assertThat(partition(bed.table, ALICE)).isEmpty();
    assertThat(partition(bed.table, BOB)).isEqualTo(bobs);
    assertThat(bed.connections.findOwner("strava", "st-" + ALICE)).isEmpty();
  }

  @Test
  void an_erasure_whose_mark_vanished_stops_and_leaves_the_users_new_account_alone() {
    seed(bed, ALICE);
    ProfileStore realProfiles = new ProfileStore(hooked.real(), bed.clock);
    ConnectionStore realConnections =
        new ConnectionStore(
            hooked.real(),
            TinkTokenCipher.withKeysetCreatedIfAbsent(KeysetFile.inDataDir(dir)),
            bed.clock);
    Connection[] fresh = new Connection[1];
    // Another erasure ends just now, and the user comes back and connects again.
    hooked.beforeNextBatchDelete(
        () -> {
          Profile marked = realProfiles.get(ALICE).orElseThrow();
          realProfiles.deleteIfVersion(ALICE, marked.version());
          realProfiles.getOrCreate(ALICE);
          fresh[0] =
              ((ConnectionCreated)
                      realConnections.create(
                          ALICE, "strava", "st-new", ScriptedConnector.tokens("st-new")))
                  .connection();
        });

    assertThat(bed.deleteAccount().erase(ALICE)).isInstanceOf(AccountErased.class);

    assertThat(bed.profiles.get(ALICE).orElseThrow().isBeingErased()).isFalse();
    assertThat(bed.connections.listByUser(ALICE)).containsExactly(fresh[0]);
    assertThat(bed.connections.findOwner("strava", "st-new").orElseThrow().userId())
        .isEqualTo(ALICE);
    assertThat(revokedAccessTokens()).doesNotContain("at-st-new");
  }

  @Test
  void a_connection_made_while_the_sweep_runs_is_revoked_released_and_swept_too() {
    seed(bed, ALICE);
    ConnectionStore realConnections =
        new ConnectionStore(
            hooked.real(),
            TinkTokenCipher.withKeysetCreatedIfAbsent(KeysetFile.inDataDir(dir)),
            bed.clock);
    hooked.beforeNextBatchDelete(
        () -> realConnections.create(ALICE, "fitbit", "fb-late", ScriptedConnector.tokens("late")));

    DeleteAccountOutcome outcome = bed.deleteAccount().erase(ALICE);

    assertThat(outcome.tally().grantsRevoked()).isEqualTo(3);
    assertThat(partition(bed.table, ALICE)).isEmpty();
    assertThat(bed.connections.findOwner("fitbit", "fb-late")).isEmpty();
    assertThat(revokedAccessTokens()).contains("at-late");
  }

  @Test
  void a_partition_larger_than_one_run_is_erased_over_several_runs() {
    seed(bed, ALICE);
    String config = bed.configs.listByUser(ALICE).getFirst().configId();
    for (int i = 0; i < 380; i++) {
      bed.ledger.beginWrite(ALICE, config, "record-" + i, "fp-" + i);
    }
    DeleteAccount bounded =
        new DeleteAccount(
            bed.profiles, bed.connections, bed.jobs, bed.partition, bed.connectors, 50);

    List<DeleteAccountOutcome> runs = new ArrayList<>();
    do {
      runs.add(bounded.erase(ALICE));
      if (runs.getLast() instanceof AccountErasureUnfinished) {
        assertThat(bed.profiles.get(ALICE).orElseThrow().isBeingErased()).isTrue();
      }
    } while (runs.getLast() instanceof AccountErasureUnfinished && runs.size() < 10);

    assertThat(runs).hasSize(4);
    assertThat(runs.getLast()).isInstanceOf(AccountErased.class);
    assertThat(runs.stream().mapToLong(r -> r.tally().itemsDeleted()).sum()).isEqualTo(392);
    assertThat(partition(bed.table, ALICE)).isEmpty();
  }

  @Test
  void while_an_account_is_marked_for_erasure_changes_are_refused_and_after_it_a_new_one_starts() {
    Connection fitbit = bed.connect(ALICE, "fitbit", "fb-a");
    Connection strava = bed.connect(ALICE, "strava", "st-a");
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);
    bed.updateSettings()
        .update(ALICE, new SettingsChange(Optional.of("dest_wins"), Optional.empty()));
    bed.profiles.markBeingErased(ALICE); // as an erasure that crashed right after its first step

    assertThat(
            bed.updateSettings()
                .update(ALICE, new SettingsChange(Optional.empty(), Optional.of(false))))
        .isEqualTo(new AccountBeingErased());
    assertThat(
            bed.createSyncConfig()
                .create(
                    ALICE,
                    new NewSyncConfig(
                        strava.connectionId(),
                        fitbit.connectionId(),
                        "workout",
                        Optional.empty(),
                        Optional.empty())))
        .isEqualTo(new AccountBeingErased());
    assertThat(bed.requestSync().request(ALICE, new SyncOfConfig(config.configId()), "corr-1"))
        .isEqualTo(new AccountBeingErased());
    assertThat(bed.requestSync().request(ALICE, new SyncOfConfig("not an id!"), "corr-1"))
        .isEqualTo(new AccountBeingErased());
    assertThat(bed.requestSync().request(ALICE, manualSync(fitbit, strava, "workout"), "corr-1"))
        .isEqualTo(new AccountBeingErased());
    assertThat(bed.requestExport().request(ALICE)).isEqualTo(new AccountBeingErased());
    assertThat(new AccountBeingErased().code()).isEqualTo("account_being_erased");

    bed.clock.advance(Duration.ofMinutes(3));
    bed.deleteAccount().erase(ALICE);

    Profile fresh = bed.getProfile().get(ALICE);
    assertThat(fresh.isBeingErased()).isFalse();
    assertThat(fresh.createdAt()).isEqualTo(bed.clock.instant());
    assertThat(fresh.settings().defaultConflictStrategy().wireName()).isEqualTo("source_wins");
    assertThat(bed.listConnections().list(ALICE)).isEmpty();
    assertThat(bed.requestExport().request(ALICE)).isInstanceOf(ExportRequested.class);
  }

  @Test
  void a_user_id_that_cannot_be_one_is_refused_before_anything_happens() {
    assertThatThrownBy(() -> bed.deleteAccount().erase("a#b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(UserPartition.kindOf(com.syncwell.engine.port.table.ItemKey.of("USER#x", "ZZZ#1")))
        .isEqualTo("other");
  }

  private DeleteAccount erasureOn(MetadataTable table) {
    return new DeleteAccount(
        new ProfileStore(table, bed.clock),
        new ConnectionStore(
            table, TinkTokenCipher.withKeysetCreatedIfAbsent(KeysetFile.inDataDir(dir)), bed.clock),
        new JobStore(table, bed.clock),
        new UserPartition(table),
        new ConnectorRegistry(
            Map.of("fitbit", bed.scripted("fitbit"), "strava", bed.scripted("strava"))));
  }
}
