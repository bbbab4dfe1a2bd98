package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.engine.port.table.ItemKey;
import java.nio.file.Path;
import java.time.Duration;
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

class JobStoreTest {
  private static final Duration LEASE = Duration.ofMinutes(5);

  @TempDir Path dir;
  private StoreFixture fx;
  private JobStore jobs;

  @BeforeEach
  void open() {
    fx = new StoreFixture(dir);
    jobs = new JobStore(fx.table, fx.clock);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private Job newJob() {
    return jobs.create("u1", "cfg_1", JobTrigger.MANUAL);
  }

  @Test
  void a_created_job_is_queued_in_the_users_partition_and_expires_in_30_days() {
    Job job = newJob();

    assertThat(job.jobId()).matches("job_[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(job.trigger()).isEqualTo(JobTrigger.MANUAL);
    assertThat(job.progress()).isEqualTo(JobProgress.NONE);
    assertThat(job.createdAt()).isEqualTo(fx.clock.instant());
    assertThat(jobs.get("u1", job.jobId())).contains(job);
    assertThat(
            fx.table
                .get(ItemKey.of("USER#u1", "JOB#" + job.jobId()))
                .orElseThrow()
                .item()
                .expiresAt())
        .contains(fx.clock.instant().plus(Duration.ofDays(30)));
  }

  @Test
  void a_job_is_invisible_after_30_days() {
    Job job = newJob();

    fx.clock.advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(jobs.get("u1", job.jobId())).isPresent();
    fx.clock.advance(Duration.ofSeconds(1));

    assertThat(jobs.get("u1", job.jobId())).isEmpty();
    assertThat(jobs.listByUser("u1", 10, Optional.empty()).items()).isEmpty();
    assertThat(jobs.claim("u1", job.jobId(), "w1", LEASE)).isInstanceOf(JobMissing.class);
  }

  @Test
  void claiming_a_queued_job_makes_it_running_under_a_lease() {
    Job job = newJob();

    ClaimOutcome outcome = jobs.claim("u1", job.jobId(), "worker-1", LEASE);

    assertThat(outcome).isInstanceOf(Claimed.class);
    Job claimed = ((Claimed) outcome).job();
    assertThat(claimed.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(claimed.leaseOwner()).contains("worker-1");
    assertThat(claimed.leaseExpiresAt()).contains(fx.clock.instant().plus(LEASE));
    assertThat(jobs.get("u1", job.jobId())).contains(claimed);
  }

  @Test
  void a_released_job_is_queued_again_with_its_progress_and_claimable_at_once_by_its_owner_only() {
    Job job = newJob();
    jobs.claim("u1", job.jobId(), "worker-1", LEASE);
    JobProgress progress = new JobProgress(7, 2, 3, 0);

    assertThat(jobs.release("u1", job.jobId(), "worker-2", progress)).isInstanceOf(LeaseLost.class);
    ReleaseOutcome released = jobs.release("u1", job.jobId(), "worker-1", progress);

    assertThat(released).isInstanceOf(Released.class);
    Job queued = ((Released) released).job();
    assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
    assertThat(queued.leaseOwner()).isEmpty();
    assertThat(queued.leaseExpiresAt()).isEmpty();
    assertThat(queued.progress()).isEqualTo(progress);
    assertThat(jobs.claim("u1", job.jobId(), "worker-2", LEASE)).isInstanceOf(Claimed.class);
    assertThat(jobs.release("u1", "job_missing", "worker-1", progress))
        .isInstanceOf(JobMissing.class);
  }

  @Test
  void an_unexpired_lease_cannot_be_claimed_by_another_worker() {
    Job job = newJob();
    jobs.claim("u1", job.jobId(), "worker-1", LEASE);
    fx.clock.advance(LEASE.minusSeconds(1));

    ClaimOutcome outcome = jobs.claim("u1", job.jobId(), "worker-2", LEASE);

    assertThat(outcome).isInstanceOf(LeasedByAnother.class);
    assertThat(((LeasedByAnother) outcome).job().leaseOwner()).contains("worker-1");
  }

  @Test
  void an_expired_lease_is_reclaimable_and_the_first_worker_loses_it() {
    Job job = newJob();
    jobs.claim("u1", job.jobId(), "worker-1", LEASE);
    fx.clock.advance(LEASE);

    ClaimOutcome outcome = jobs.claim("u1", job.jobId(), "worker-2", LEASE);

    assertThat(outcome).isInstanceOf(Claimed.class);
    assertThat(((Claimed) outcome).job().leaseOwner()).contains("worker-2");
    assertThat(jobs.extendLease("u1", job.jobId(), "worker-1", LEASE, JobProgress.NONE))
        .isInstanceOf(LeaseLost.class);
    assertThat(jobs.succeed("u1", job.jobId(), "worker-1", JobReport.empty()))
        .isInstanceOf(LeaseLost.class);
  }

  @Test
  void two_workers_claiming_the_same_job_at_once_exactly_one_wins() throws Exception {
    for (int round = 0; round < 20; round++) {
      Job job = newJob();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<ClaimOutcome>> results = new ArrayList<>();
        for (String worker : List.of("worker-a", "worker-b")) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return jobs.claim("u1", job.jobId(), worker, LEASE);
                  }));
        }
        start.countDown();
        List<ClaimOutcome> outcomes = new ArrayList<>();
        for (Future<ClaimOutcome> f : results) {
          outcomes.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes).filteredOn(o -> o instanceof Claimed).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof LeasedByAnother).hasSize(1);
        String winner =
            outcomes.stream()
                .filter(o -> o instanceof Claimed)
                .map(o -> ((Claimed) o).job().leaseOwner().orElseThrow())
                .findFirst()
                .orElseThrow();
        assertThat(jobs.get("u1", job.jobId()).orElseThrow().leaseOwner()).contains(winner);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void the_lease_owner_extends_its_lease_and_records_progress() {
    Job job = newJob();
    jobs.claim("u1", job.jobId(), "worker-1", LEASE);
    fx.clock.advance(Duration.ofMinutes(4));
    JobProgress progress = new JobProgress(10, 2, 7, 1);

    LeaseOutcome outcome = jobs.extendLease("u1", job.jobId(), "worker-1", LEASE, progress);

    assertThat(outcome).isInstanceOf(LeaseExtended.class);
    Job extended = jobs.get("u1", job.jobId()).orElseThrow();
    assertThat(extended.leaseExpiresAt()).contains(fx.clock.instant().plus(LEASE));
    assertThat(extended.progress()).isEqualTo(progress);
    fx.clock.advance(Duration.ofMinutes(4));
    assertThat(jobs.claim("u1", job.jobId(), "worker-2", LEASE))
        .isInstanceOf(LeasedByAnother.class);
  }

  @Test
  void another_worker_cannot_extend_or_complete_the_lease() {
    Job job = newJob();
    jobs.claim("u1", job.jobId(), "worker-1", LEASE);

    assertThat(jobs.extendLease("u1", job.jobId(), "worker-2", LEASE, JobProgress.NONE))
        .isInstanceOf(LeaseLost.class);
    assertThat(jobs.fail("u1", job.jobId(), "worker-2", "boom", JobReport.empty()))
        .isInstanceOf(LeaseLost.class);
    assertThat(jobs.get("u1", job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void a_queued_job_cannot_be_completed_without_a_claim() {
    Job job = newJob();

    assertThat(jobs.succeed("u1", job.jobId(), "worker-1", JobReport.empty()))
        .isInstanceOf(LeaseLost.class);
  }

  @Test
  void the_lease_owner_completes_the_job_with_its_report() {
    Job job = newJob();
    jobs.claim("u1", job.jobId(), "worker-1", LEASE);
    JobReport report =
        new JobReport(
            12,
            3,
            1,
            0,
            8,
            8,
            1,
            List.of(new RecordFailure("act-9", "rejected: sport type")),
            20,
            4096);

    CompletionOutcome outcome = jobs.succeed("u1", job.jobId(), "worker-1", report);

    assertThat(outcome).isInstanceOf(Completed.class);
    Job done = jobs.get("u1", job.jobId()).orElseThrow();
    assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(done.report()).contains(report);
    assertThat(done.progress())
        .isEqualTo(new JobProgress(report.listed(), report.listed() - 9, 8, 1));
    assertThat(done.leaseOwner()).isEmpty();
    assertThat(done.leaseExpiresAt()).isEmpty();
    assertThat(((Completed) outcome).job()).isEqualTo(done);
  }

  @Test
  void a_failed_job_keeps_its_reason() {
    Job job = newJob();
    jobs.claim("u1", job.jobId(), "worker-1", LEASE);

    jobs.fail("u1", job.jobId(), "worker-1", "authorization revoked", JobReport.empty());

    Job failed = jobs.get("u1", job.jobId()).orElseThrow();
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.failureReason()).contains("authorization revoked");
  }

  @Test
  void a_finished_job_is_not_claimable() {
    Job succeeded = newJob();
    jobs.claim("u1", succeeded.jobId(), "worker-1", LEASE);
    jobs.succeed("u1", succeeded.jobId(), "worker-1", JobReport.empty());
    Job failed = newJob();
    jobs.claim("u1", failed.jobId(), "worker-1", LEASE);
    jobs.fail("u1", failed.jobId(), "worker-1", "x", JobReport.empty());
    Job cancelled = newJob();
    jobs.cancel("u1", cancelled.jobId());
    fx.clock.advance(Duration.ofHours(1));

    for (Job job : List.of(succeeded, failed, cancelled)) {
      ClaimOutcome outcome = jobs.claim("u1", job.jobId(), "worker-2", LEASE);
      assertThat(outcome).isInstanceOf(AlreadyFinished.class);
      assertThat(((AlreadyFinished) outcome).job().status().isFinished()).isTrue();
    }
  }

  @Test
  void cancelling_a_running_job_takes_the_lease_away() {
    Job job = newJob();
    jobs.claim("u1", job.jobId(), "worker-1", LEASE);

    CancelOutcome outcome = jobs.cancel("u1", job.jobId());

    assertThat(outcome).isInstanceOf(Cancelled.class);
    assertThat(((Cancelled) outcome).job().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(jobs.extendLease("u1", job.jobId(), "worker-1", LEASE, JobProgress.NONE))
        .isInstanceOf(LeaseLost.class);
    assertThat(jobs.succeed("u1", job.jobId(), "worker-1", JobReport.empty()))
        .isInstanceOf(LeaseLost.class);
  }

  @Test
  void cancelling_a_finished_job_changes_nothing() {
    Job job = newJob();
    jobs.claim("u1", job.jobId(), "worker-1", LEASE);
    jobs.succeed("u1", job.jobId(), "worker-1", JobReport.empty());

    assertThat(jobs.cancel("u1", job.jobId())).isInstanceOf(AlreadyFinished.class);
    assertThat(jobs.get("u1", job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void operations_on_a_missing_job_say_so() {
    assertThat(jobs.claim("u1", "job_nope", "w", LEASE)).isInstanceOf(JobMissing.class);
    assertThat(jobs.extendLease("u1", "job_nope", "w", LEASE, JobProgress.NONE))
        .isInstanceOf(JobMissing.class);
    assertThat(jobs.succeed("u1", "job_nope", "w", JobReport.empty()))
        .isInstanceOf(JobMissing.class);
    assertThat(jobs.cancel("u1", "job_nope")).isInstanceOf(JobMissing.class);
  }

  @Test
  void another_users_job_is_missing_to_this_user() {
    Job job = newJob();

    assertThat(jobs.get("u2", job.jobId())).isEmpty();
    assertThat(jobs.cancel("u2", job.jobId())).isInstanceOf(JobMissing.class);
  }

  @Test
  void jobs_list_newest_first_in_pages() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(newJob().jobId());
      fx.clock.advance(Duration.ofMillis(1));
    }
    jobs.create("u2", "cfg_2", JobTrigger.WEBHOOK);

    ResultPage<Job> first = jobs.listByUser("u1", 3, Optional.empty());
    ResultPage<Job> second = jobs.listByUser("u1", 3, first.nextPageToken());

    List<String> listed = new ArrayList<>();
    first.items().forEach(j -> listed.add(j.jobId()));
    second.items().forEach(j -> listed.add(j.jobId()));
    assertThat(listed).containsExactlyElementsOf(ids.reversed());
    assertThat(first.nextPageToken()).isPresent();
  }

  @Test
  void job_ids_sort_by_creation_time() {
    String earlier = newJob().jobId();
    fx.clock.advance(Duration.ofMillis(1));
    String later = newJob().jobId();

    assertThat(later).isGreaterThan(earlier);
  }

  @Test
  void a_report_keeps_at_most_100_failures_but_counts_them_all() {
    List<RecordFailure> many = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      many.add(new RecordFailure("r" + i, "bad"));
    }

    JobReport report = new JobReport(150, 0, 0, 0, 150, 0, 150, many, 0, 0);

    assertThat(report.failures()).hasSize(JobReport.MAX_FAILURES_LISTED);
    assertThat(report.failed()).isEqualTo(150);
  }
}
