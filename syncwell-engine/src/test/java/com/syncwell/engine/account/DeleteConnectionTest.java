package com.syncwell.engine.account;

import static com.syncwell.engine.account.AccountBed.ALICE;
import static com.syncwell.engine.account.AccountBed.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.Transient;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteConnectionTest {
  @TempDir Path dir;
  private AccountBed bed;
  private Connection fitbit;
  private Connection strava;
  private Connection otherFitbit;

  @BeforeEach
  void open() {
    bed = new AccountBed(dir, AccountBed.scriptedFitbitAndStrava());
    fitbit = bed.connect(ALICE, "fitbit", "fb-alice");
    strava = bed.connect(ALICE, "strava", "st-alice");
    otherFitbit = bed.connect(ALICE, "fitbit", "fb-alice-2");
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private JobStatus status(String user, Job job) {
    return bed.jobs.get(user, job.jobId()).orElseThrow().status();
  }

  @Test
  void configs_using_it_either_way_go_and_their_unfinished_jobs_are_cancelled() {
    SyncConfig toStrava = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);
    SyncConfig fromStrava = bed.config(ALICE, strava, fitbit, DataType.WORKOUT);
    SyncConfig unrelated = bed.config(ALICE, fitbit, otherFitbit, DataType.WEIGHT);
    Job queued = bed.jobs.create(ALICE, toStrava.configId(), JobTrigger.SCHEDULED);
    Job running = bed.jobs.create(ALICE, fromStrava.configId(), JobTrigger.MANUAL);
    bed.jobs.claim(ALICE, running.jobId(), "worker-1", Duration.ofMinutes(5));
    Job finished = bed.jobs.create(ALICE, toStrava.configId(), JobTrigger.MANUAL);
    bed.jobs.claim(ALICE, finished.jobId(), "worker-1", Duration.ofMinutes(5));
    bed.jobs.succeed(ALICE, finished.jobId(), "worker-1", JobReport.empty());
    Job ofUnrelated = bed.jobs.create(ALICE, unrelated.configId(), JobTrigger.MANUAL);

    DeleteConnectionOutcome outcome = bed.deleteConnection().delete(ALICE, strava.connectionId());

    assertThat(outcome).isEqualTo(new ConnectionDeleted(2, 2));
    assertThat(bed.getConnection().get(ALICE, strava.connectionId()))
        .isEqualTo(new ConnectionNotFound(strava.connectionId()));
    assertThat(bed.listSyncConfigs().list(ALICE))
        .extracting(SyncConfig::configId)
        .containsExactly(unrelated.configId());
    assertThat(status(ALICE, queued)).isEqualTo(JobStatus.CANCELLED);
    assertThat(status(ALICE, running)).isEqualTo(JobStatus.CANCELLED);
    assertThat(status(ALICE, finished)).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status(ALICE, ofUnrelated)).isEqualTo(JobStatus.QUEUED);
    assertThat(bed.dueConfigIds(bed.clock.instant().plus(Duration.ofDays(365))))
        .containsExactly(unrelated.configId());
    assertThat(bed.connections.findOwner("strava", "st-alice")).isEmpty();
  }

  @Test
  void its_grant_is_revoked_at_the_provider_with_its_own_tokens() {
    bed.deleteConnection().delete(ALICE, strava.connectionId());

    assertThat(bed.scripted("strava").revoked)
        .extracting(t -> t.accessToken())
        .containsExactly("at-st-alice");
    assertThat(bed.scripted("fitbit").revoked).isEmpty();
  }

  @Test
  void a_revocation_that_fails_does_not_stop_the_deletion() {
    bed.scripted("strava").revokeFailure = new Transient("strava", "503", null);
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);

    DeleteConnectionOutcome outcome = bed.deleteConnection().delete(ALICE, strava.connectionId());

    assertThat(outcome).isEqualTo(new ConnectionDeleted(1, 0));
    assertThat(bed.listConnections().list(ALICE)).doesNotContain(strava);
    assertThat(bed.getSyncConfig().get(ALICE, config.configId()))
        .isInstanceOf(SyncConfigNotFound.class);
  }

  @Test
  void a_connection_whose_provider_is_no_longer_configured_is_deleted_all_the_same() {
    Connection garmin = bed.connect(ALICE, "garmin", "gm-alice");

    assertThat(bed.deleteConnection().delete(ALICE, garmin.connectionId()))
        .isEqualTo(new ConnectionDeleted(0, 0));
    assertThat(bed.listConnections().list(ALICE)).doesNotContain(garmin);
  }

  @Test
  void another_users_connection_is_not_found_and_nothing_of_it_changes() {
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);
    Job queued = bed.jobs.create(ALICE, config.configId(), JobTrigger.MANUAL);

    DeleteConnectionOutcome outcome = bed.deleteConnection().delete(BOB, strava.connectionId());

    assertThat(outcome).isEqualTo(new ConnectionNotFound(strava.connectionId()));
    assertThat(((Refusal) outcome).code()).isEqualTo("connection_not_found");
    assertThat(bed.getConnection().get(ALICE, strava.connectionId()))
        .isEqualTo(new ConnectionFound(strava));
    assertThat(bed.getConnection().get(BOB, strava.connectionId()))
        .isEqualTo(new ConnectionNotFound(strava.connectionId()));
    assertThat(bed.getSyncConfig().get(ALICE, config.configId()))
        .isInstanceOf(SyncConfigFound.class);
    assertThat(status(ALICE, queued)).isEqualTo(JobStatus.QUEUED);
    assertThat(bed.scripted("strava").revoked).isEmpty();
  }

  @Test
  void a_missing_or_malformed_id_is_not_found() {
    assertThat(bed.deleteConnection().delete(ALICE, "conn_nope"))
        .isEqualTo(new ConnectionNotFound("conn_nope"));
    for (String bad : new String[] {null, "", "a#b", "x".repeat(129), "tab\there"}) {
      assertThat(bed.deleteConnection().delete(ALICE, bad)).isInstanceOf(ConnectionNotFound.class);
      assertThat(bed.getConnection().get(ALICE, bad)).isInstanceOf(ConnectionNotFound.class);
    }
  }

  @Test
  void deleting_twice_is_not_found_the_second_time() {
    bed.deleteConnection().delete(ALICE, strava.connectionId());

    assertThat(bed.deleteConnection().delete(ALICE, strava.connectionId()))
        .isInstanceOf(ConnectionNotFound.class);
    assertThat(bed.scripted("strava").revoked).hasSize(1);
  }

  @Test
  void a_connection_changing_while_it_is_deleted_is_deleted_after_reading_it_again(
      @TempDir Path other) {
    InterferingTable[] table = new InterferingTable[1];
    try (AccountBed racing =
        new AccountBed(
            other,
            AccountBed.scriptedFitbitAndStrava(),
            real -> table[0] = new InterferingTable(real))) {
      Connection c = racing.connect(ALICE, "strava", "st-alice");
      table[0].interfere(
          1,
          () -> {
            Connection now = racing.connections.get(ALICE, c.connectionId()).orElseThrow();
            racing.connections.markNeedsReauth(ALICE, c.connectionId(), now.version());
          });

      assertThat(racing.deleteConnection().delete(ALICE, c.connectionId()))
          .isEqualTo(new ConnectionDeleted(0, 0));
      assertThat(racing.listConnections().list(ALICE)).isEmpty();
      assertThat(
              racing
                  .connections
                  .listNeedingReauth("strava", 10, java.util.Optional.empty())
                  .items())
          .isEmpty();
    }
  }

  @Test
  void a_user_with_many_jobs_has_every_unfinished_one_of_the_connection_cancelled() {
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);
    SyncConfig unrelated = bed.config(ALICE, fitbit, otherFitbit, DataType.WEIGHT);
    for (int i = 0; i < 600; i++) {
      bed.jobs.create(ALICE, (i % 2 == 0 ? config : unrelated).configId(), JobTrigger.SCHEDULED);
      bed.clock.advance(Duration.ofMillis(1));
    }

    DeleteConnectionOutcome outcome = bed.deleteConnection().delete(ALICE, strava.connectionId());

    assertThat(outcome).isEqualTo(new ConnectionDeleted(1, 300));
  }

  @Test
  void the_refusal_names_no_other_user() {
    assertThat(bed.deleteConnection().delete(BOB, strava.connectionId()).toString())
        .doesNotContain(ALICE);
  }

  @Test
  void bobs_own_connection_is_deleted_without_touching_alices() {
    Connection bobs = bed.connect(BOB, "strava", "st-bob");
    bed.config(ALICE, fitbit, strava, DataType.WORKOUT);

    assertThat(bed.deleteConnection().delete(BOB, bobs.connectionId()))
        .isEqualTo(new ConnectionDeleted(0, 0));
    assertThat(bed.listConnections().list(ALICE)).hasSize(3);
    assertThat(bed.listSyncConfigs().list(ALICE)).hasSize(1);
  }
}
