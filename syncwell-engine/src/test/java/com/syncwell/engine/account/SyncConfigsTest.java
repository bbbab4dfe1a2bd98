package com.syncwell.engine.account;

import static com.syncwell.engine.account.AccountBed.ALICE;
import static com.syncwell.engine.account.AccountBed.BOB;
import static com.syncwell.engine.account.AccountBed.manualSync;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CreateSyncConfig, GetSyncConfig, ListSyncConfigs, UpdateSyncConfig and DeleteSyncConfig. */
class SyncConfigsTest {
  @TempDir Path dir;
  private AccountBed bed;
  private Connection fitbit;
  private Connection strava;

  @BeforeEach
  void open() {
    Map<String, com.syncwell.connector.Connector> connectors =
        new HashMap<>(AccountBed.scriptedFitbitAndStrava());
    // Writes steps but cannot read them back: no de-duplication possible, so no destination.
    connectors.put(
        "blind",
        new ScriptedConnector("blind", EnumSet.of(DataType.WORKOUT), EnumSet.of(DataType.STEPS)));
    bed = new AccountBed(dir, connectors);
    fitbit = bed.connect(ALICE, "fitbit", "fb-alice");
    strava = bed.connect(ALICE, "strava", "st-alice");
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private CreateSyncConfigOutcome create(String user, Connection from, Connection to, String type) {
    return create(user, from.connectionId(), to.connectionId(), type);
  }

  private CreateSyncConfigOutcome create(String user, String from, String to, String type) {
    return bed.createSyncConfig()
        .create(user, new NewSyncConfig(from, to, type, Optional.empty(), Optional.empty()));
  }

  private SyncConfig created(CreateSyncConfigOutcome outcome) {
    assertThat(outcome).isInstanceOf(SyncConfigCreated.class);
    return ((SyncConfigCreated) outcome).config();
  }

  // ---- create

  @Test
  void a_new_config_is_enabled_due_now_and_takes_strategy_and_tier_from_the_profile() {
    SyncConfig config = created(create(ALICE, fitbit, strava, "workout"));

    SyncConfigSpec spec = config.spec();
    assertThat(spec.sourceConnectionId()).isEqualTo(fitbit.connectionId());
    assertThat(spec.destinationConnectionId()).isEqualTo(strava.connectionId());
    assertThat(spec.dataType()).isEqualTo(DataType.WORKOUT);
    assertThat(spec.strategy()).isEqualTo(ConflictStrategy.SOURCE_WINS);
    assertThat(spec.enabled()).isTrue();
    assertThat(spec.tier()).contains("FREE");
    assertThat(spec.nextDueAt()).contains(bed.clock.instant());
    assertThat(bed.dueConfigIds(bed.clock.instant())).containsExactly(config.configId());
    assertThat(bed.getSyncConfig().get(ALICE, config.configId()))
        .isEqualTo(new SyncConfigFound(config));
  }

  @Test
  void the_strategy_defaults_to_the_users_setting_and_an_explicit_one_wins() {
    bed.updateSettings()
        .update(ALICE, new SettingsChange(Optional.of("dest_wins"), Optional.empty()));
    SyncConfig byDefault = created(create(ALICE, fitbit, strava, "workout"));
    SyncConfig explicit =
        created(
            bed.createSyncConfig()
                .create(
                    ALICE,
                    new NewSyncConfig(
                        strava.connectionId(),
                        fitbit.connectionId(),
                        "workout",
                        Optional.of("newest_wins"),
                        Optional.of(false))));

    assertThat(byDefault.spec().strategy()).isEqualTo(ConflictStrategy.DEST_WINS);
    assertThat(explicit.spec().strategy()).isEqualTo(ConflictStrategy.NEWEST_WINS);
    assertThat(explicit.spec().enabled()).isFalse();
    assertThat(bed.dueConfigIds(bed.clock.instant())).containsExactly(byDefault.configId());
  }

  @Test
  void the_same_connection_on_both_sides_is_refused() {
    CreateSyncConfigOutcome outcome = create(ALICE, fitbit, fitbit, "weight");

    assertThat(outcome).isEqualTo(new SameConnection());
    assertThat(((Refusal) outcome).code()).isEqualTo("same_connection");
  }

  @Test
  void unknown_data_types_and_strategies_are_invalid_fields() {
    assertThat(create(ALICE, fitbit, strava, "Workout"))
        .isInstanceOf(InvalidField.class)
        .extracting(o -> ((InvalidField) o).field())
        .isEqualTo("dataType");
    assertThat(create(ALICE, fitbit.connectionId(), strava.connectionId(), null))
        .isInstanceOf(InvalidField.class);
    CreateSyncConfigOutcome badStrategy =
        bed.createSyncConfig()
            .create(
                ALICE,
                new NewSyncConfig(
                    fitbit.connectionId(),
                    strava.connectionId(),
                    "workout",
                    Optional.of("loudest_wins"),
                    Optional.empty()));
    assertThat(((InvalidField) badStrategy).field()).isEqualTo("strategy");
    assertThat(bed.listSyncConfigs().list(ALICE)).isEmpty();
  }

  @Test
  void a_source_that_cannot_read_the_type_is_refused() {
    CreateSyncConfigOutcome outcome = create(ALICE, strava, fitbit, "steps");

    assertThat(outcome).isEqualTo(new DataTypeNotReadable("strava", DataType.STEPS));
    assertThat(((Refusal) outcome).code()).isEqualTo("data_type_not_readable");
  }

  @Test
  void a_destination_that_cannot_write_the_type_is_refused() {
    CreateSyncConfigOutcome outcome = create(ALICE, fitbit, strava, "weight");

    assertThat(outcome).isEqualTo(new DataTypeNotWritable("strava", DataType.WEIGHT));
    assertThat(((Refusal) outcome).code()).isEqualTo("data_type_not_writable");
  }

  @Test
  void a_destination_that_writes_the_type_but_cannot_read_it_back_is_refused() {
    Connection blind = bed.connect(ALICE, "blind", "bl-alice");

    assertThat(create(ALICE, fitbit, blind, "steps"))
        .isEqualTo(new DataTypeNotWritable("blind", DataType.STEPS));
  }

  @Test
  void a_connection_whose_provider_is_not_configured_can_neither_read_nor_write() {
    Connection garmin = bed.connect(ALICE, "garmin", "gm-alice");

    assertThat(create(ALICE, garmin, strava, "workout"))
        .isEqualTo(new DataTypeNotReadable("garmin", DataType.WORKOUT));
    assertThat(create(ALICE, strava, garmin, "workout"))
        .isEqualTo(new DataTypeNotWritable("garmin", DataType.WORKOUT));
  }

  @Test
  void another_users_connection_on_either_side_is_not_found() {
    Connection bobs = bed.connect(BOB, "strava", "st-bob");

    assertThat(create(BOB, fitbit, bobs, "workout"))
        .isEqualTo(new ConnectionNotFound(fitbit.connectionId()));
    assertThat(create(ALICE, fitbit, bobs, "workout"))
        .isEqualTo(new ConnectionNotFound(bobs.connectionId()));
    assertThat(create(ALICE, fitbit.connectionId(), "conn_missing", "workout"))
        .isEqualTo(new ConnectionNotFound("conn_missing"));
    assertThat(create(ALICE, "bad#id", strava.connectionId(), "workout"))
        .isEqualTo(new ConnectionNotFound("bad#id"));
    assertThat(bed.listSyncConfigs().list(BOB)).isEmpty();
  }

  @Test
  void a_connection_that_needs_authorizing_again_or_was_revoked_is_refused() {
    bed.connections.markNeedsReauth(ALICE, strava.connectionId(), strava.version());
    CreateSyncConfigOutcome needsReauth = create(ALICE, fitbit, strava, "workout");
    Connection other = bed.connect(ALICE, "fitbit", "fb-alice-2");
    bed.connections.markRevoked(ALICE, other.connectionId(), other.version());
    CreateSyncConfigOutcome revoked = create(ALICE, other, fitbit, "weight");

    assertThat(needsReauth)
        .isEqualTo(new ConnectionNotUsable(strava.connectionId(), ConnectionStatus.NEEDS_REAUTH));
    assertThat(((Refusal) needsReauth).code()).isEqualTo("connection_needs_reauth");
    assertThat(((Refusal) revoked).code()).isEqualTo("connection_revoked");
  }

  @Test
  void a_second_scheduled_config_for_the_same_route_is_refused_naming_the_first() {
    SyncConfig first = created(create(ALICE, fitbit, strava, "workout"));

    CreateSyncConfigOutcome again = create(ALICE, fitbit, strava, "workout");

    assertThat(again).isEqualTo(new SyncConfigExists(first.configId()));
    assertThat(((Refusal) again).code()).isEqualTo("sync_config_exists");
    assertThat(created(create(ALICE, strava, fitbit, "workout")).configId())
        .isNotEqualTo(first.configId());
  }

  @Test
  void an_unscheduled_config_of_an_ad_hoc_sync_is_taken_over_and_scheduled() {
    SyncRequested adHoc =
        (SyncRequested)
            bed.requestSync().request(ALICE, manualSync(fitbit, strava, "workout"), "corr-1");
    bed.clock.advance(Duration.ofMinutes(1));

    SyncConfig scheduled =
        created(
            bed.createSyncConfig()
                .create(
                    ALICE,
                    new NewSyncConfig(
                        fitbit.connectionId(),
                        strava.connectionId(),
                        "workout",
                        Optional.of("newest_wins"),
                        Optional.empty())));

    assertThat(scheduled.configId()).isEqualTo(adHoc.config().configId());
    assertThat(scheduled.spec().nextDueAt()).contains(bed.clock.instant());
    assertThat(scheduled.spec().strategy()).isEqualTo(ConflictStrategy.NEWEST_WINS);
    assertThat(bed.listSyncConfigs().list(ALICE)).hasSize(1);
    assertThat(bed.dueConfigIds(bed.clock.instant())).containsExactly(scheduled.configId());
  }

  // ---- get and list

  @Test
  void configs_are_visible_to_their_owner_only() {
    SyncConfig config = created(create(ALICE, fitbit, strava, "workout"));

    assertThat(bed.listSyncConfigs().list(ALICE)).containsExactly(config);
    assertThat(bed.listSyncConfigs().list(BOB)).isEmpty();
    GetSyncConfigOutcome bobs = bed.getSyncConfig().get(BOB, config.configId());
    assertThat(bobs).isEqualTo(new SyncConfigNotFound(config.configId()));
    assertThat(((Refusal) bobs).code()).isEqualTo("sync_config_not_found");
    assertThat(bed.getSyncConfig().get(ALICE, "cfg#x")).isInstanceOf(SyncConfigNotFound.class);
    assertThat(bed.getSyncConfig().get(ALICE, null)).isInstanceOf(SyncConfigNotFound.class);
  }

  // ---- update

  @Test
  void an_update_at_the_current_revision_changes_what_it_names_and_moves_the_revision() {
    SyncConfig config = created(create(ALICE, fitbit, strava, "workout"));

    UpdateSyncConfigOutcome outcome =
        bed.updateSyncConfig()
            .update(
                ALICE,
                config.configId(),
                config.revision(),
                new SyncConfigChange(Optional.of("dest_wins"), Optional.empty()));

    SyncConfig updated = ((SyncConfigUpdated) outcome).config();
    assertThat(updated.revision()).isEqualTo(config.revision() + 1);
    assertThat(updated.spec().strategy()).isEqualTo(ConflictStrategy.DEST_WINS);
    assertThat(updated.spec().enabled()).isTrue();
    assertThat(updated.spec().nextDueAt()).isEqualTo(config.spec().nextDueAt());
  }

  @Test
  void a_scheduler_claim_leaves_the_etag_valid() {
    SyncConfig config = created(create(ALICE, fitbit, strava, "workout"));
    bed.configs.advanceScheduleIfVersion(config, bed.clock.instant().plus(Duration.ofDays(1)));
    SyncConfig claimed = bed.configs.get(ALICE, config.configId()).orElseThrow();
    assertThat(claimed.version()).isGreaterThan(config.version());
    assertThat(claimed.revision()).isEqualTo(config.revision());

    UpdateSyncConfigOutcome outcome =
        bed.updateSyncConfig()
            .update(
                ALICE,
                config.configId(),
                config.revision(),
                new SyncConfigChange(Optional.of("dest_wins"), Optional.empty()));

    SyncConfig updated = ((SyncConfigUpdated) outcome).config();
    assertThat(updated.spec().strategy()).isEqualTo(ConflictStrategy.DEST_WINS);
    assertThat(updated.spec().nextDueAt()).isEqualTo(claimed.spec().nextDueAt());
  }

  @Test
  void a_stale_revision_is_a_version_mismatch_and_changes_nothing() {
    SyncConfig config = created(create(ALICE, fitbit, strava, "workout"));
    bed.updateSyncConfig()
        .update(
            ALICE,
            config.configId(),
            config.revision(),
            new SyncConfigChange(Optional.of("newest_wins"), Optional.empty()));

    UpdateSyncConfigOutcome outcome =
        bed.updateSyncConfig()
            .update(
                ALICE,
                config.configId(),
                config.revision(),
                new SyncConfigChange(Optional.of("dest_wins"), Optional.of(false)));

    assertThat(outcome).isEqualTo(new VersionMismatch(config.revision() + 1));
    assertThat(((Refusal) outcome).code()).isEqualTo("version_mismatch");
    SyncConfig after = bed.configs.get(ALICE, config.configId()).orElseThrow();
    assertThat(after.spec().strategy()).isEqualTo(ConflictStrategy.NEWEST_WINS);
    assertThat(after.spec().enabled()).isTrue();
  }

  @Test
  void a_scheduler_claim_racing_the_update_is_retried_and_another_edit_racing_it_wins(
      @TempDir Path other) {
    InterferingTable[] table = new InterferingTable[1];
    try (AccountBed racing =
        new AccountBed(
            other,
            AccountBed.scriptedFitbitAndStrava(),
            real -> table[0] = new InterferingTable(real))) {
      Connection from = racing.connect(ALICE, "fitbit", "fb");
      Connection to = racing.connect(ALICE, "strava", "st");
      SyncConfig config = racing.config(ALICE, from, to, DataType.WORKOUT);
      table[0].interfere(
          1,
          () ->
              racing.configs.advanceScheduleIfVersion(
                  config, racing.clock.instant().plus(Duration.ofDays(1))));

      UpdateSyncConfigOutcome retried =
          racing
              .updateSyncConfig()
              .update(
                  ALICE,
                  config.configId(),
                  config.revision(),
                  new SyncConfigChange(Optional.empty(), Optional.of(false)));

      assertThat(retried).isInstanceOf(SyncConfigUpdated.class);
      SyncConfig disabled = racing.configs.get(ALICE, config.configId()).orElseThrow();
      assertThat(disabled.spec().enabled()).isFalse();

      table[0].interfere(
          1,
          () ->
              racing.configs.updateIfVersion(
                  ALICE, config.configId(), disabled.spec().withEnabled(true), disabled.version()));
      UpdateSyncConfigOutcome lost =
          racing
              .updateSyncConfig()
              .update(
                  ALICE,
                  config.configId(),
                  disabled.revision(),
                  new SyncConfigChange(Optional.of("dest_wins"), Optional.empty()));

      assertThat(lost).isEqualTo(new VersionMismatch(disabled.revision() + 1));
      assertThat(racing.configs.get(ALICE, config.configId()).orElseThrow().spec().strategy())
          .isEqualTo(ConflictStrategy.SOURCE_WINS);
    }
  }

  @Test
  void disabling_takes_a_config_off_the_schedule_and_enabling_puts_it_back() {
    SyncConfig config = created(create(ALICE, fitbit, strava, "workout"));
    SyncConfig disabled =
        ((SyncConfigUpdated)
                bed.updateSyncConfig()
                    .update(
                        ALICE,
                        config.configId(),
                        config.revision(),
                        new SyncConfigChange(Optional.empty(), Optional.of(false))))
            .config();
    assertThat(bed.dueConfigIds(bed.clock.instant().plus(Duration.ofDays(30)))).isEmpty();

    bed.updateSyncConfig()
        .update(
            ALICE,
            config.configId(),
            disabled.revision(),
            new SyncConfigChange(Optional.empty(), Optional.of(true)));

    assertThat(bed.dueConfigIds(bed.clock.instant())).containsExactly(config.configId());
  }

  @Test
  void a_change_that_changes_nothing_keeps_the_version() {
    SyncConfig config = created(create(ALICE, fitbit, strava, "workout"));

    UpdateSyncConfigOutcome outcome =
        bed.updateSyncConfig()
            .update(
                ALICE,
                config.configId(),
                config.revision(),
                new SyncConfigChange(Optional.of("source_wins"), Optional.of(true)));

    assertThat(outcome).isEqualTo(new SyncConfigUpdated(config));
  }

  @Test
  void updating_an_unknown_strategy_or_another_users_config_is_refused() {
    SyncConfig config = created(create(ALICE, fitbit, strava, "workout"));

    assertThat(
            bed.updateSyncConfig()
                .update(
                    ALICE,
                    config.configId(),
                    config.revision(),
                    new SyncConfigChange(Optional.of("x"), Optional.empty())))
        .isInstanceOf(InvalidField.class);
    assertThat(
            bed.updateSyncConfig()
                .update(
                    BOB,
                    config.configId(),
                    config.revision(),
                    new SyncConfigChange(Optional.empty(), Optional.of(false))))
        .isEqualTo(new SyncConfigNotFound(config.configId()));
    assertThat(bed.configs.get(ALICE, config.configId()).orElseThrow()).isEqualTo(config);
  }

  // ---- delete

  @Test
  void a_delete_at_the_current_version_or_without_one_removes_the_config() {
    SyncConfig a = created(create(ALICE, fitbit, strava, "workout"));
    SyncConfig b = created(create(ALICE, strava, fitbit, "workout"));
    bed.configs.advanceScheduleIfVersion(b, bed.clock.instant().plus(Duration.ofDays(1)));

    assertThat(bed.deleteSyncConfig().delete(ALICE, a.configId(), OptionalLong.of(a.revision())))
        .isEqualTo(new SyncConfigDeleted());
    assertThat(bed.deleteSyncConfig().delete(ALICE, b.configId(), OptionalLong.empty()))
        .isEqualTo(new SyncConfigDeleted());
    assertThat(bed.listSyncConfigs().list(ALICE)).isEmpty();
    assertThat(bed.dueConfigIds(bed.clock.instant().plus(Duration.ofDays(2)))).isEmpty();
  }

  @Test
  void a_delete_at_a_stale_version_is_a_mismatch_and_keeps_the_config() {
    SyncConfig config = created(create(ALICE, fitbit, strava, "workout"));

    DeleteSyncConfigOutcome outcome =
        bed.deleteSyncConfig().delete(ALICE, config.configId(), OptionalLong.of(7));

    assertThat(outcome).isEqualTo(new VersionMismatch(config.revision()));
    assertThat(bed.listSyncConfigs().list(ALICE)).containsExactly(config);
  }

  @Test
  void deleting_another_users_or_a_missing_config_is_not_found() {
    SyncConfig config = created(create(ALICE, fitbit, strava, "workout"));

    assertThat(bed.deleteSyncConfig().delete(BOB, config.configId(), OptionalLong.empty()))
        .isEqualTo(new SyncConfigNotFound(config.configId()));
    assertThat(bed.deleteSyncConfig().delete(BOB, config.configId(), OptionalLong.of(1)))
        .isEqualTo(new SyncConfigNotFound(config.configId()));
    assertThat(bed.deleteSyncConfig().delete(ALICE, "cfg_missing", OptionalLong.empty()))
        .isEqualTo(new SyncConfigNotFound("cfg_missing"));
    assertThat(bed.listSyncConfigs().list(ALICE)).containsExactly(config);
  }

  @Test
  void a_delete_without_a_version_retries_over_a_racing_change(@TempDir Path other) {
    InterferingTable[] table = new InterferingTable[1];
    try (AccountBed racing =
        new AccountBed(
            other,
            AccountBed.scriptedFitbitAndStrava(),
            real -> table[0] = new InterferingTable(real))) {
      Connection from = racing.connect(ALICE, "fitbit", "fb");
      Connection to = racing.connect(ALICE, "strava", "st");
      SyncConfig config = racing.config(ALICE, from, to, DataType.WORKOUT);
      table[0].interfere(
          1,
          () ->
              racing.configs.advanceScheduleIfVersion(
                  config, racing.clock.instant().plus(Duration.ofDays(1))));

      assertThat(racing.deleteSyncConfig().delete(ALICE, config.configId(), OptionalLong.empty()))
          .isEqualTo(new SyncConfigDeleted());
      assertThat(racing.listSyncConfigs().list(ALICE)).isEmpty();
    }
  }
}
