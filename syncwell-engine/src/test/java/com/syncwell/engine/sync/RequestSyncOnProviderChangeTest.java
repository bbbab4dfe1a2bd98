package com.syncwell.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.queue.DeadLetter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.MessageId;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiptHandle;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.store.sqlite.SqliteCommitGroup;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestSyncOnProviderChangeTest {
  @TempDir Path dir;
  private final MutableClock clock = MutableClock.startingAtNewYear();
  private SqliteDatabase db;
  private SqliteMetadataTable table;
  private SqliteJobQueue queue;
  private final AtomicBoolean queueDown = new AtomicBoolean();
  private SyncConfigStore configs;
  private JobStore jobs;
  private RequestSyncOnProviderChange syncs;

  @BeforeEach
  void open() {
    db = SqliteDatabase.open(dir.resolve("syncwell.db"));
    table = new SqliteMetadataTable(db, clock);
    queue = new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES);
    configs = new SyncConfigStore(table, clock);
    jobs = new JobStore(table, clock);
    syncs =
        new RequestSyncOnProviderChange(
            configs, table, new RequestSyncJob(jobs, new SwitchableQueue()), clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private SyncConfig config(String user, String source, DataType type, boolean enabled) {
    return configs.create(
        user,
        new SyncConfigSpec(
            source,
            "conn_dest",
            type,
            ConflictStrategy.SOURCE_WINS,
            enabled,
            Optional.empty(),
            Optional.empty()));
  }

  private List<Job> jobsOf(String user) {
    return jobs.listByUser(user, 100, Optional.empty()).items();
  }

  private long queued() {
    return queue.approximateDepth().total();
  }

  private int markers(String user) {
    return table.query(Query.partition("USER#" + user).sortKeyPrefix("COALESCE#")).items().size();
  }

  @Test
  void a_change_enqueues_one_webhook_job_per_enabled_config_reading_that_connection_and_type() {
    SyncConfig toStrava = config("u1", "conn_fit", DataType.WORKOUT, true);
    SyncConfig toOther = config("u1", "conn_fit", DataType.WORKOUT, true);
    config("u1", "conn_fit", DataType.WORKOUT, false);
    config("u1", "conn_fit", DataType.STEPS, true);
    config("u1", "conn_other", DataType.WORKOUT, true);
    config("u2", "conn_fit", DataType.WORKOUT, true);

    ProviderChangeSyncs result = syncs.request("u1", "conn_fit", DataType.WORKOUT, "corr-1");

    assertThat(result).isEqualTo(new ProviderChangeSyncs(2, 0));
    assertThat(jobsOf("u1"))
        .extracting(Job::configId)
        .containsExactlyInAnyOrder(toStrava.configId(), toOther.configId());
    assertThat(jobsOf("u1"))
        .allSatisfy(
            j -> {
              assertThat(j.trigger()).isEqualTo(JobTrigger.WEBHOOK);
              assertThat(j.status()).isEqualTo(JobStatus.QUEUED);
            });
    assertThat(jobsOf("u2")).isEmpty();
    assertThat(queued()).isEqualTo(2);
    List<ReceivedMessage> messages =
        queue.receive(ReceiveRequest.of(10, Duration.ofMinutes(1)).waitingUpTo(Duration.ZERO));
    assertThat(messages)
        .allSatisfy(
            m ->
                assertThat(m.attributes())
                    .containsEntry(RequestSyncJob.CORRELATION_ATTRIBUTE, "corr-1"));
  }

  @Test
  void a_change_nobody_syncs_enqueues_nothing_and_leaves_no_marker() {
    config("u1", "conn_fit", DataType.STEPS, true);

    ProviderChangeSyncs result = syncs.request("u1", "conn_fit", DataType.WEIGHT, "corr-1");

    assertThat(result).isEqualTo(ProviderChangeSyncs.none());
    assertThat(jobsOf("u1")).isEmpty();
    assertThat(markers("u1")).isZero();
    assertThat(queued()).isZero();
  }

  @Test
  void changes_within_sixty_seconds_are_coalesced_and_the_first_after_the_window_enqueues_again() {
    config("u1", "conn_fit", DataType.STEPS, true);

    assertThat(syncs.request("u1", "conn_fit", DataType.STEPS, "c1").enqueued()).isEqualTo(1);
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofSeconds(2));
      assertThat(syncs.request("u1", "conn_fit", DataType.STEPS, "c" + i))
          .isEqualTo(new ProviderChangeSyncs(0, 1));
    }
    clock.advance(Duration.ofSeconds(19));
    assertThat(syncs.request("u1", "conn_fit", DataType.STEPS, "late").enqueued()).isZero();

    clock.advance(Duration.ofSeconds(2));
    assertThat(syncs.request("u1", "conn_fit", DataType.STEPS, "next").enqueued()).isEqualTo(1);
    assertThat(jobsOf("u1")).hasSize(2);
    assertThat(queued()).isEqualTo(2);
  }

  @Test
  void the_window_is_per_connection_and_data_type() {
    config("u1", "conn_fit", DataType.STEPS, true);
    config("u1", "conn_fit", DataType.SLEEP_SESSION, true);
    config("u1", "conn_other", DataType.STEPS, true);

    assertThat(syncs.request("u1", "conn_fit", DataType.STEPS, "c").enqueued()).isEqualTo(1);
    assertThat(syncs.request("u1", "conn_fit", DataType.SLEEP_SESSION, "c").enqueued())
        .isEqualTo(1);
    assertThat(syncs.request("u1", "conn_other", DataType.STEPS, "c").enqueued()).isEqualTo(1);
    assertThat(syncs.request("u1", "conn_fit", DataType.STEPS, "c").enqueued()).isZero();
    assertThat(markers("u1")).isEqualTo(3);
    assertThat(table.get(RequestSyncOnProviderChange.markerKey("u1", "conn_fit", DataType.STEPS)))
        .hasValueSatisfying(
            m ->
                assertThat(m.item().expiresAt())
                    .contains(clock.instant().plus(RequestSyncOnProviderChange.WINDOW)));
  }

  @Test
  void a_failed_enqueue_removes_the_marker_so_the_providers_retry_is_not_coalesced_away() {
    config("u1", "conn_fit", DataType.WEIGHT, true);
    queueDown.set(true);

    assertThatThrownBy(() -> syncs.request("u1", "conn_fit", DataType.WEIGHT, "c"))
        .isInstanceOf(StorageFailure.class);
    assertThat(markers("u1")).isZero();
    assertThat(jobsOf("u1")).extracting(Job::status).containsExactly(JobStatus.CANCELLED);

    queueDown.set(false);
    assertThat(syncs.request("u1", "conn_fit", DataType.WEIGHT, "c").enqueued()).isEqualTo(1);
    assertThat(queued()).isEqualTo(1);
  }

  @Test
  void with_the_job_and_its_message_in_one_commit_a_failed_send_leaves_no_job_at_all() {
    RequestSyncOnProviderChange grouped =
        new RequestSyncOnProviderChange(
            configs,
            table,
            new RequestSyncJob(jobs, new SwitchableQueue(), new SqliteCommitGroup(db)),
            clock);
    config("u1", "conn_fit", DataType.WEIGHT, true);
    queueDown.set(true);

    assertThatThrownBy(() -> grouped.request("u1", "conn_fit", DataType.WEIGHT, "c"))
        .isInstanceOf(StorageFailure.class);
    assertThat(markers("u1")).isZero();
    assertThat(jobsOf("u1")).isEmpty();

    queueDown.set(false);
    assertThat(grouped.request("u1", "conn_fit", DataType.WEIGHT, "c").enqueued()).isEqualTo(1);
    assertThat(jobsOf("u1")).extracting(Job::status).containsExactly(JobStatus.QUEUED);
    assertThat(queued()).isEqualTo(1);
  }

  @Test
  void ids_that_would_make_an_ambiguous_key_are_refused() {
    assertThatThrownBy(() -> syncs.request("u#1", "conn_fit", DataType.STEPS, "c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> syncs.request("u1", "conn#fit", DataType.STEPS, "c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The SQLite queue, except that sends fail while {@link #queueDown} is set. */
  private final class SwitchableQueue implements JobQueue {
    @Override
    public MessageId send(OutgoingMessage message) {
      if (queueDown.get()) {
        throw new StorageFailure("queue unreachable", null);
      }
      return queue.send(message);
    }

    @Override
    public List<MessageId> sendBatch(List<OutgoingMessage> messages) {
      return messages.stream().map(this::send).toList();
    }

    @Override
    public List<ReceivedMessage> receive(ReceiveRequest request) {
      return queue.receive(request);
    }

    @Override
    public boolean delete(ReceiptHandle receipt) {
      return queue.delete(receipt);
    }

    @Override
    public boolean changeVisibility(ReceiptHandle receipt, Duration timeout) {
      return queue.changeVisibility(receipt, timeout);
    }

    @Override
    public List<DeadLetter> listDeadLetters(int max) {
      return queue.listDeadLetters(max);
    }

    @Override
    public int redriveDeadLetters(int max) {
      return queue.redriveDeadLetters(max);
    }

    @Override
    public QueueDepth approximateDepth() {
      return queue.approximateDepth();
    }
  }
}
