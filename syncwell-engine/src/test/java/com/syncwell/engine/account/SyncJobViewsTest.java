package com.syncwell.engine.account;

import static com.syncwell.engine.account.AccountBed.ALICE;
import static com.syncwell.engine.account.AccountBed.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetSyncJob and ListSyncJobs. */
class SyncJobViewsTest {
  @TempDir Path dir;
  private AccountBed bed;
  private final List<Job> alices = new ArrayList<>();

  @BeforeEach
  void open() {
    bed = new AccountBed(dir, AccountBed.scriptedFitbitAndStrava());
    Connection fitbit = bed.connect(ALICE, "fitbit", "fb-alice");
    Connection strava = bed.connect(ALICE, "strava", "st-alice");
    SyncConfig config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);
    for (int i = 0; i < 5; i++) {
      alices.add(bed.jobs.create(ALICE, config.configId(), JobTrigger.MANUAL));
      bed.clock.advance(Duration.ofSeconds(1));
    }
  }

  @AfterEach
  void close() {
    bed.close();
  }

  @Test
  void the_owner_reads_a_job_and_anyone_else_finds_none() {
    Job job = alices.get(2);

    assertThat(bed.getSyncJob().get(ALICE, job.jobId())).isEqualTo(new SyncJobFound(job));
    GetSyncJobOutcome bobs = bed.getSyncJob().get(BOB, job.jobId());
    assertThat(bobs).isEqualTo(new SyncJobNotFound(job.jobId()));
    assertThat(((Refusal) bobs).code()).isEqualTo("sync_job_not_found");
    assertThat(bed.getSyncJob().get(ALICE, "job_missing")).isInstanceOf(SyncJobNotFound.class);
    assertThat(bed.getSyncJob().get(ALICE, "job#1")).isInstanceOf(SyncJobNotFound.class);
    assertThat(bed.getSyncJob().get(ALICE, "")).isInstanceOf(SyncJobNotFound.class);
  }

  @Test
  void a_job_past_its_retention_is_not_found() {
    bed.clock.advance(Duration.ofDays(31));

    assertThat(bed.getSyncJob().get(ALICE, alices.get(0).jobId()))
        .isInstanceOf(SyncJobNotFound.class);
  }

  @Test
  void jobs_are_listed_newest_first_page_by_page() {
    SyncJobPage first = (SyncJobPage) bed.listSyncJobs().list(ALICE, 2, Optional.empty());
    SyncJobPage second = (SyncJobPage) bed.listSyncJobs().list(ALICE, 2, first.nextPageToken());
    SyncJobPage third = (SyncJobPage) bed.listSyncJobs().list(ALICE, 2, second.nextPageToken());

    List<Job> all = new ArrayList<>(first.jobs());
    all.addAll(second.jobs());
    all.addAll(third.jobs());
    assertThat(all).containsExactlyElementsOf(alices.reversed());
    assertThat(third.nextPageToken()).isEmpty();
    assertThat(((SyncJobPage) bed.listSyncJobs().list(BOB, 100, Optional.empty())).jobs())
        .isEmpty();
  }

  @Test
  void a_limit_outside_one_to_a_hundred_is_an_invalid_field() {
    for (int bad : new int[] {0, -1, 101}) {
      ListSyncJobsOutcome outcome = bed.listSyncJobs().list(ALICE, bad, Optional.empty());
      assertThat(outcome).isInstanceOf(InvalidField.class);
      assertThat(((InvalidField) outcome).field()).isEqualTo("limit");
    }
    assertThat(bed.listSyncJobs().list(ALICE, 100, Optional.empty()))
        .isInstanceOf(SyncJobPage.class);
  }

  @Test
  void a_malformed_page_token_is_an_outcome_not_an_exception() {
    for (String bad : new String[] {"", "garbage", "%%%", "eyJxIjoiYSJ9", "x".repeat(5000)}) {
      ListSyncJobsOutcome outcome = bed.listSyncJobs().list(ALICE, 2, Optional.of(bad));
      assertThat(outcome).as(bad).isEqualTo(new InvalidPageToken());
      assertThat(((Refusal) outcome).code()).isEqualTo("invalid_page_token");
    }
  }

  @Test
  void another_users_page_token_does_not_page_through_their_jobs() {
    SyncJobPage first = (SyncJobPage) bed.listSyncJobs().list(ALICE, 2, Optional.empty());

    assertThat(bed.listSyncJobs().list(BOB, 2, first.nextPageToken()))
        .isEqualTo(new InvalidPageToken());
  }
}
