package com.syncwell.engine.sync;

import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Connector;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.RefreshingCredentials;
import com.syncwell.connector.Transient;
import com.syncwell.connector.http.CallMeter;
import com.syncwell.domain.DataType;
import com.syncwell.engine.log.JobLogScope;
import com.syncwell.engine.port.table.Written;
import com.syncwell.engine.store.AlreadyFinished;
import com.syncwell.engine.store.Claimed;
import com.syncwell.engine.store.Completed;
import com.syncwell.engine.store.ConfigRun;
import com.syncwell.engine.store.ConfigRunBusy;
import com.syncwell.engine.store.ConfigRunStarted;
import com.syncwell.engine.store.ConfigRunStore;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStatus;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.CursorStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobMissing;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStatus;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.LeasedByAnother;
import com.syncwell.engine.store.LedgerStore;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync algorithm of ARCHITECTURE.md §8: runs one job of one sync config, moving its data type
 * from the source connection to the destination connection with exactly-once effect.
 *
 * <ol>
 *   <li>Claims the job under a lease; a finished, leased or missing job is {@link JobRun.NotRun}. A
 *       config that is gone or disabled cancels the job ({@code NotRun}); a connection that is gone
 *       or not ACTIVE (needs re-authorization, revoked) fails it.
 *   <li>Opens a session per connection: {@link RefreshingCredentials} over the decrypted tokens,
 *       refreshing within 5 minutes of expiry and storing every new token set through {@link
 *       ConnectionStore#tokenSink} before it is used; a {@link CallMeter} each.
 *   <li>{@link SyncPass} lists, decides, hydrates, writes and moves the cursor.
 *   <li>Completes the job SUCCEEDED with its report (calls and bytes of both sessions).
 * </ol>
 *
 * <p>Errors: a revoked grant marks that connection NEEDS_REAUTH and fails the job ({@code
 * Finished(FAILED)}, no exception); a {@link Permanent} outside a single record (a listing the
 * provider will never answer) fails the job; {@link RateLimited} and {@link Transient} put the job
 * back to QUEUED (so the message's next delivery claims it at once) and propagate. A lease lost
 * midway (another worker took the job over) stops the run: {@code NotRun}.
 *
 * <p>Logs carry job and config ids and counts, never tokens, user ids or health values. Safe for
 * concurrent use: each run has its own {@link SyncPass}.
 */
public final class RunSyncJob implements JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(RunSyncJob.class);
  private static final int REAUTH_ATTEMPTS = 5;

  /** How soon a job whose config is busy with another job comes back. */
  static final Duration CONFIG_BUSY_RETRY = Duration.ofSeconds(2);

  /** The stores a run works on. */
  public record Stores(
      JobStore jobs,
      SyncConfigStore configs,
      ConnectionStore connections,
      CursorStore cursors,
      LedgerStore ledger,
      ConfigRunStore configRuns) {
    public Stores {
      Objects.requireNonNull(jobs, "jobs");
      Objects.requireNonNull(configs, "configs");
      Objects.requireNonNull(connections, "connections");
      Objects.requireNonNull(cursors, "cursors");
      Objects.requireNonNull(ledger, "ledger");
      Objects.requireNonNull(configRuns, "configRuns");
    }
  }

  private final Stores stores;
  private final ConnectorRegistry connectors;
  private final Clock clock;
  private final SyncSettings settings;

  public RunSyncJob(
      Stores stores, ConnectorRegistry connectors, Clock clock, SyncSettings settings) {
    this.stores = Objects.requireNonNull(stores, "stores");
    this.connectors = Objects.requireNonNull(connectors, "connectors");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public JobRun run(SyncJobMessage message, String workerId) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(workerId, "workerId");
    String user = message.userId();
    Job job;
    switch (stores.jobs().claim(user, message.jobId(), workerId, settings.lease())) {
      case Claimed claimed -> job = claimed.job();
      case AlreadyFinished finished -> {
        return new JobRun.NotRun("the job is already " + finished.job().status());
      }
      case LeasedByAnother leased -> {
        return new JobRun.NotRun("another worker holds the job");
      }
      case JobMissing missing -> {
        return new JobRun.NotRun("no such job");
      }
    }

    Optional<SyncConfig> found = stores.configs().get(user, job.configId());
    boolean manual = job.trigger() == JobTrigger.MANUAL;
    if (found.isEmpty() || !(found.get().spec().enabled() || manual)) {
      stores.jobs().cancel(user, job.jobId());
      return new JobRun.NotRun(
          found.isEmpty() ? "the sync config is gone" : "the sync config is disabled");
    }
    SyncConfig config = found.get();
    config.spec().tier().ifPresent(JobLogScope::tier);
    DataType type = config.spec().dataType();
    Map<String, Connection> pair =
        stores
            .connections()
            .getAll(
                user,
                List.of(
                    config.spec().sourceConnectionId(), config.spec().destinationConnectionId()));
    Optional<Connection> source = Optional.ofNullable(pair.get(config.spec().sourceConnectionId()));
    Optional<Connection> destination =
        Optional.ofNullable(pair.get(config.spec().destinationConnectionId()));
    if (source.isEmpty() || destination.isEmpty()) {
      return fail(job, workerId, "a connection of this sync config is gone", JobReport.empty());
    }
    for (Connection c : List.of(source.get(), destination.get())) {
      if (c.status() != ConnectionStatus.ACTIVE) {
        return fail(job, workerId, unusable(c, config), JobReport.empty());
      }
    }
    Optional<Connector> from = connectors.forProvider(source.get().provider());
    Optional<Connector> to = connectors.forProvider(destination.get().provider());
    Optional<RecordReader> reader = from.flatMap(c -> c.reader(type));
    Optional<RecordReader> destinationReader = to.flatMap(c -> c.reader(type));
    Optional<RecordWriter> writer = to.flatMap(c -> c.writer(type));
    if (reader.isEmpty() || destinationReader.isEmpty() || writer.isEmpty()) {
      return fail(
          job,
          workerId,
          source.get().provider()
              + " → "
              + destination.get().provider()
              + " cannot sync "
              + type.wireName()
              + " (the source must read it, the destination read and write it)",
          JobReport.empty());
    }

    ConfigRun run;
    switch (stores.configRuns().start(user, config.configId(), job.jobId(), settings.lease())) {
      case ConfigRunStarted started -> run = started.run();
      case ConfigRunBusy busy -> {
        return defer(job, workerId, busy);
      }
    }
    try {
      SyncPass pass =
          new SyncPass(
              stores,
              clock,
              settings,
              job,
              workerId,
              config,
              reader.get(),
              destinationReader.get(),
              writer.get(),
              session(source.get(), from.get()),
              session(destination.get(), to.get()),
              run);
      try {
        pass.run();
      } catch (SyncPass.LeaseGone lost) {
        LOG.warn("sync job {}: lease lost midway; another worker carries on", job.jobId());
        return new JobRun.NotRun("the lease was lost to another worker");
      } catch (AuthorizationRevoked revoked) {
        Connection c = pass.side() == SyncPass.Side.SOURCE ? source.get() : destination.get();
        markNeedsReauth(c);
        return fail(
            job,
            workerId,
            "the " + c.provider() + " connection needs to be authorized again",
            pass.tally().report(pass.sessions()));
      } catch (Permanent permanent) {
        return fail(
            job,
            workerId,
            "the provider refused the listing: " + permanent.getMessage(),
            pass.tally().report(pass.sessions()));
      } catch (RateLimited | Transient retriable) {
        LOG.info(
            "sync job {}: stopped by a retriable provider error ({}); back in the queue",
            job.jobId(),
            retriable.getClass().getSimpleName());
        stores.jobs().release(user, job.jobId(), workerId, pass.tally().progress());
        throw retriable;
      }

      JobReport report = pass.tally().report(pass.sessions());
      return switch (stores.jobs().succeed(user, job.jobId(), workerId, report)) {
        case Completed done -> new JobRun.Finished(JobStatus.SUCCEEDED, report);
        default -> new JobRun.NotRun("the lease was lost before the job completed");
      };
    } finally {
      endQuietly(run);
    }
  }

  /**
   * Another job of the config is running: this one goes back to QUEUED and its message comes back
   * soon ({@link #CONFIG_BUSY_RETRY}, or when the other's hold runs out if that is sooner).
   */
  private JobRun defer(Job job, String workerId, ConfigRunBusy busy) {
    stores.jobs().release(job.userId(), job.jobId(), workerId, job.progress());
    Instant now = clock.instant();
    Instant soon = now.plus(CONFIG_BUSY_RETRY);
    Instant until = busy.until().isBefore(soon) ? busy.until() : soon;
    LOG.info(
        "sync job {}: its sync config is busy with another job; back at {}", job.jobId(), until);
    return new JobRun.Deferred(
        until.isAfter(now) ? until : now, "another job of this sync config is running");
  }

  private void endQuietly(ConfigRun run) {
    try {
      stores.configRuns().end(run);
    } catch (RuntimeException e) {
      LOG.warn(
          "sync job {}: could not end its hold on the config ({}); it runs out by itself",
          run.jobId(),
          e.getClass().getSimpleName());
    }
  }

  private ProviderSession session(Connection connection, Connector connector) {
    RefreshingCredentials credentials =
        new RefreshingCredentials(
            stores.connections().tokens(connection),
            connector.oauth(),
            stores.connections().tokenSink(connection.userId(), connection.connectionId()),
            clock);
    return new ProviderSession(connection.connectionId(), credentials, new CallMeter());
  }

  private JobRun fail(Job job, String workerId, String reason, JobReport report) {
    LOG.info("sync job {} failed: {}", job.jobId(), reason);
    return switch (stores.jobs().fail(job.userId(), job.jobId(), workerId, reason, report)) {
      case Completed done -> new JobRun.Finished(JobStatus.FAILED, report);
      default -> new JobRun.NotRun("the lease was lost before the job completed");
    };
  }

  private static String unusable(Connection c, SyncConfig config) {
    String which =
        c.connectionId().equals(config.spec().sourceConnectionId()) ? "source" : "destination";
    return "the "
        + which
        + " connection ("
        + c.provider()
        + ") "
        + (c.status() == ConnectionStatus.REVOKED ? "was revoked" : "needs to be authorized again");
  }

  /** NEEDS_REAUTH, re-reading after a version race (a token refresh may have just written it). */
  private void markNeedsReauth(Connection connection) {
    for (int attempt = 0; attempt < REAUTH_ATTEMPTS; attempt++) {
      Optional<Connection> current =
          stores.connections().get(connection.userId(), connection.connectionId());
      if (current.isEmpty() || current.get().status() != ConnectionStatus.ACTIVE) {
        return;
      }
      if (stores
              .connections()
              .markNeedsReauth(
                  connection.userId(), connection.connectionId(), current.get().version())
          instanceof Written) {
        return;
      }
    }
    LOG.warn("connection {}: could not mark it NEEDS_REAUTH", connection.connectionId());
  }
}
