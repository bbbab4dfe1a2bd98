package com.syncwell.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.CommitGroup;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.store.sqlite.SqliteCommitGroup;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import com.syncwell.testkit.MutableClock;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestSyncJobTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final ItemKey DECIDED = new ItemKey("USER#u1", "DECIDED#1");

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private final List<JobTrigger> counted = new CopyOnWriteArrayList<>();
  private SqliteDatabase db;
  private SqliteMetadataTable table;
  private SqliteJobQueue queue;
  private JobStore jobs;

  @BeforeEach
  void open() {
    db = SqliteDatabase.open(dir.resolve("syncwell.db"));
    table = new SqliteMetadataTable(db, clock);
    queue = new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES);
    jobs = new JobStore(table, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private RequestSyncJob grouped() {
    return new RequestSyncJob(jobs, queue, new SqliteCommitGroup(db), counted::add);
  }

  @Test
  void a_decision_for_no_job_returns_its_outcome_and_creates_sends_and_counts_nothing() {
    String outcome =
        grouped()
            .request(
                "u1",
                JobTrigger.MANUAL,
                "corr-1",
                () -> new JobDecision.NoJob<>("refused"),
                job -> {
                  throw new AssertionError("nothing to commit with");
                });

    assertThat(outcome).isEqualTo("refused");
    assertThat(jobs.listByUser("u1", 10, Optional.empty()).items()).isEmpty();
    assertThat(drainQueue()).isEmpty();
    assertThat(counted).isEmpty();
  }

  @Test
  void a_decision_for_a_job_answers_its_outcome_of_the_committed_job() {
    Job job =
        grouped()
            .request(
                "u1",
                JobTrigger.MANUAL,
                "corr-1",
                () -> new JobDecision.CreateJob<>("cfg_1", Optional.empty(), created -> created),
                created -> {});

    assertThat(jobs.get("u1", job.jobId())).contains(job);
    assertThat(job.configId()).isEqualTo("cfg_1");
    assertThat(drainQueue())
        .singleElement()
        .satisfies(m -> assertThat(m.attributes()).containsEntry("correlationId", "corr-1"));
    assertThat(counted).containsExactly(JobTrigger.MANUAL);
  }

  @Test
  void what_the_decision_wrote_rolls_back_with_the_job_when_the_group_is_atomic() {
    assertThatThrownBy(
            () ->
                grouped()
                    .request(
                        "u1",
                        JobTrigger.MANUAL,
                        "corr-1",
                        () -> {
                          table.putIfAbsent(Item.builder(DECIDED).set("n", 1).build());
                          return new JobDecision.CreateJob<>("cfg_1", Optional.empty(), j -> j);
                        },
                        created -> {
                          throw new IllegalStateException("the answer cannot be recorded");
                        }))
        .hasMessage("the answer cannot be recorded");

    assertThat(table.get(DECIDED)).isEmpty();
    assertThat(jobs.listByUser("u1", 10, Optional.empty()).items())
        .as("rolled back, not left cancelled")
        .isEmpty();
    assertThat(drainQueue()).isEmpty();
    assertThat(counted).isEmpty();
  }

  @Test
  void on_separate_commits_a_job_whose_commit_step_failed_is_cancelled() {
    RequestSyncJob separate =
        new RequestSyncJob(jobs, queue, CommitGroup.separately(), counted::add);

    assertThatThrownBy(
            () ->
                separate.request(
                    "u1",
                    JobTrigger.MANUAL,
                    "corr-1",
                    () -> new JobDecision.CreateJob<>("cfg_1", Optional.empty(), j -> j),
                    created -> {
                      throw new IllegalStateException("the answer cannot be recorded");
                    }))
        .hasMessage("the answer cannot be recorded");

    assertThat(jobs.listByUser("u1", 10, Optional.empty()).items())
        .singleElement()
        .satisfies(j -> assertThat(j.status().name()).isEqualTo("CANCELLED"));
    assertThat(counted).isEmpty();
  }

  @Test
  void the_message_carries_the_callers_trace_when_another_thread_commits_the_group()
      throws Exception {
    try (ExecutorService committer = Executors.newSingleThreadExecutor()) {
      RequestSyncJob elsewhere =
          new RequestSyncJob(jobs, queue, new CommittedElsewhere(committer), counted::add);
      SpanContext caller =
          SpanContext.create(
              TRACE_ID, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());

      try (Scope ignored = Span.wrap(caller).makeCurrent()) {
        elsewhere.request("u1", "cfg_1", JobTrigger.MANUAL, "corr-1");
      }
    }

    assertThat(drainQueue())
        .singleElement()
        .satisfies(m -> assertThat(m.attributes().get("traceparent")).contains(TRACE_ID));
  }

  /** A group that runs the writes on another thread, as a group commit's leader may. */
  private record CommittedElsewhere(ExecutorService committer) implements CommitGroup {
    @Override
    public <T> T together(Supplier<T> writes) {
      try {
        return committer.submit(writes::get).get();
      } catch (ExecutionException e) {
        throw (RuntimeException) e.getCause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private List<ReceivedMessage> drainQueue() {
    return queue.receive(
        ReceiveRequest.of(ReceiveRequest.MAX_MESSAGES, Duration.ofHours(1))
            .waitingUpTo(Duration.ZERO));
  }
}
