package com.syncwell.engine.account;

import static com.syncwell.engine.account.AccountBed.ALICE;
import static com.syncwell.engine.account.AccountBed.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.store.Profile;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.engine.store.Tier;
import com.syncwell.engine.store.UserSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileAndSettingsTest {
  @TempDir Path dir;
  private InterferingTable table;
  private AccountBed bed;

  @BeforeEach
  void open() {
    bed =
        new AccountBed(
            dir,
            Map.of(),
            real -> {
              table = new InterferingTable(real);
              return table;
            });
  }

  @AfterEach
  void close() {
    bed.close();
  }

  @Test
  void the_first_call_creates_a_free_profile_with_default_settings_and_later_calls_return_it() {
    Profile first = bed.getProfile().get(ALICE);
    bed.clock.advance(Duration.ofHours(1));
    Profile again = bed.getProfile().get(ALICE);

    assertThat(first.userId()).isEqualTo(ALICE);
    assertThat(first.tier()).isEqualTo(Tier.FREE);
    assertThat(first.settings()).isEqualTo(UserSettings.DEFAULT);
    assertThat(first.settings().defaultConflictStrategy()).isEqualTo(ConflictStrategy.SOURCE_WINS);
    assertThat(first.settings().notificationsEnabled()).isTrue();
    assertThat(first.createdAt()).isEqualTo(bed.clock.instant().minus(Duration.ofHours(1)));
    assertThat(again).isEqualTo(first);
  }

  @Test
  void first_calls_racing_each_other_create_one_profile_and_all_get_it() throws Exception {
    int racers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<Profile>> results =
          java.util.stream.IntStream.range(0, racers)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            start.await();
                            return bed.getProfile().get(ALICE);
                          }))
              .toList();
      start.countDown();
      Profile one = results.get(0).get();
      for (Future<Profile> r : results) {
        assertThat(r.get()).isEqualTo(one);
      }
      assertThat(one.version()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_settings_change_changes_only_the_fields_it_names() {
    UpdateSettingsOutcome strategyOnly =
        bed.updateSettings()
            .update(ALICE, new SettingsChange(Optional.of("newest_wins"), Optional.empty()));
    UpdateSettingsOutcome notificationsOnly =
        bed.updateSettings()
            .update(ALICE, new SettingsChange(Optional.empty(), Optional.of(false)));

    assertThat(((SettingsUpdated) strategyOnly).profile().settings())
        .isEqualTo(new UserSettings(ConflictStrategy.NEWEST_WINS, true));
    assertThat(((SettingsUpdated) notificationsOnly).profile().settings())
        .isEqualTo(new UserSettings(ConflictStrategy.NEWEST_WINS, false));
    assertThat(bed.getProfile().get(ALICE).settings())
        .isEqualTo(new UserSettings(ConflictStrategy.NEWEST_WINS, false));
    assertThat(bed.getProfile().get(BOB).settings()).isEqualTo(UserSettings.DEFAULT);
  }

  @Test
  void a_change_to_what_is_already_set_writes_nothing() {
    long before = bed.getProfile().get(ALICE).version();

    UpdateSettingsOutcome same =
        bed.updateSettings()
            .update(ALICE, new SettingsChange(Optional.of("source_wins"), Optional.of(true)));

    assertThat(((SettingsUpdated) same).profile().version()).isEqualTo(before);
  }

  @Test
  void an_unknown_strategy_is_an_invalid_field_and_changes_nothing() {
    UpdateSettingsOutcome outcome =
        bed.updateSettings()
            .update(ALICE, new SettingsChange(Optional.of("SOURCE_WINS"), Optional.of(false)));

    assertThat(outcome).isInstanceOf(InvalidField.class);
    assertThat(((InvalidField) outcome).field()).isEqualTo("defaultConflictStrategy");
    assertThat(((Refusal) outcome).code()).isEqualTo("invalid_field");
    assertThat(bed.getProfile().get(ALICE).settings()).isEqualTo(UserSettings.DEFAULT);
  }

  @Test
  void a_concurrent_change_is_retried_on_what_it_wrote_so_neither_change_is_lost() {
    bed.getProfile().get(ALICE);
    ProfileStore direct = new ProfileStore(table.real(), bed.clock);
    table.interfere(
        1,
        () -> {
          Profile p = direct.getOrCreate(ALICE);
          direct.updateSettingsIfVersion(
              ALICE, p.settings().withNotificationsEnabled(false), p.version());
        });

    UpdateSettingsOutcome outcome =
        bed.updateSettings()
            .update(ALICE, new SettingsChange(Optional.of("dest_wins"), Optional.empty()));

    assertThat(((SettingsUpdated) outcome).profile().settings())
        .isEqualTo(new UserSettings(ConflictStrategy.DEST_WINS, false));
    assertThat(bed.getProfile().get(ALICE).settings())
        .isEqualTo(new UserSettings(ConflictStrategy.DEST_WINS, false));
  }

  @Test
  void a_profile_that_changes_under_every_attempt_is_a_storage_failure() {
    bed.getProfile().get(ALICE);
    ProfileStore direct = new ProfileStore(table.real(), bed.clock);
    table.interfere(
        100,
        () -> {
          Profile p = direct.getOrCreate(ALICE);
          direct.updateSettingsIfVersion(
              ALICE,
              p.settings().withNotificationsEnabled(!p.settings().notificationsEnabled()),
              p.version());
        });

    assertThatThrownBy(
            () ->
                bed.updateSettings()
                    .update(ALICE, new SettingsChange(Optional.of("dest_wins"), Optional.empty())))
        .isInstanceOf(StorageFailure.class);
  }
}
