package com.syncwell.app;

import com.syncwell.api.metrics.MeteredRateLimiter;
import com.syncwell.app.config.MetricsFormat;
import com.syncwell.app.config.QueueKind;
import com.syncwell.app.config.Settings;
import com.syncwell.app.config.StoreKind;
import com.syncwell.app.metrics.CircuitBreakerGauges;
import com.syncwell.app.metrics.EmfPublisher;
import com.syncwell.app.metrics.MeteredHttpClient;
import com.syncwell.app.metrics.QueueDepthGauges;
import com.syncwell.app.metrics.SyncJobMetrics;
import com.syncwell.aws.dynamodb.DynamoDbClients;
import com.syncwell.aws.dynamodb.DynamoDbMetadataTable;
import com.syncwell.aws.sqs.SqsClients;
import com.syncwell.aws.sqs.SqsJobQueue;
import com.syncwell.aws.sqs.SqsQueueUrls;
import com.syncwell.engine.limit.LocalRateLimiter;
import com.syncwell.engine.port.CommitGroup;
import com.syncwell.engine.port.StateSigner;
import com.syncwell.engine.port.TokenCipher;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.store.ConfigRunStore;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.CursorStore;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.LedgerStore;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.redis.RedisLimiterSettings;
import com.syncwell.redis.RedisRateLimiter;
import com.syncwell.store.crypto.TinkStateSigner;
import com.syncwell.store.crypto.TinkTokenCipher;
import com.syncwell.store.sqlite.SqliteCommitGroup;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root of the stores (ARCHITECTURE.md §2): the metadata table, the job queue and
 * the rate limiter on the engines the settings choose — embedded (one SQLite file under the data
 * directory, in-process buckets) or scale-out (DynamoDB, SQS, Redis) — provider tokens sealed with
 * a local Tink keyset in the data directory (or the master key file the settings name), OAuth
 * states signed with another keyset there, the stores on top, and the configured connectors. Every
 * node of a scale-out deployment must share the master key and the state keyset.
 */
public final class Platform implements AutoCloseable {
  public static final String DATABASE_FILE = "syncwell.db";
  public static final String KEYSET_FILE = "master-keyset.json";
  public static final String JOB_QUEUE = "sync-jobs";

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Optional<SqliteDatabase> database;
  private final MetadataTable table;
  private final JobQueue queue;
  private final RateLimiter rateLimiter;
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ConnectionStore connections;
  private final SyncConfigStore configs;
  private final CursorStore cursors;
  private final JobStore jobs;
  private final LedgerStore ledger;
  private final ConfigRunStore configRuns;
  private final CommitGroup commits;
  private final ConnectorRegistry connectors;
  private final TokenCipher cipher;
  private final StateSigner stateSigner;
  private final Path dataDir;
  private final SyncJobMetrics syncMetrics;

  private Platform(Settings settings, Clock clock) {
    this.dataDir = settings.dataDir();
    boolean embedded = settings.store() == StoreKind.SQLITE || settings.queue() == QueueKind.SQLITE;
    this.database =
        embedded
            ? Optional.of(keep(SqliteDatabase.open(dataDir.resolve(DATABASE_FILE))))
            : Optional.empty();
    this.table =
        switch (settings.store()) {
          case SQLITE -> new SqliteMetadataTable(database.orElseThrow(), clock);
          case DYNAMODB ->
              new DynamoDbMetadataTable(keep(dynamoDb(settings)), settings.dynamoDbTable(), clock);
        };
    this.syncMetrics = new SyncJobMetrics(meters, JobQueue.DEFAULT_MAX_RECEIVES);
    JobQueue engineQueue =
        switch (settings.queue()) {
          case SQLITE ->
              new SqliteJobQueue(
                  database.orElseThrow(), JOB_QUEUE, clock, JobQueue.DEFAULT_MAX_RECEIVES);
          case SQS ->
              new SqsJobQueue(
                  keep(SqsClients.forEndpoint(settings.sqsEndpoint(), region(settings))),
                  new SqsQueueUrls(
                      settings.sqsQueueUrl().orElseThrow().toString(),
                      settings.sqsDeadLetterQueueUrl().orElseThrow().toString()),
                  JobQueue.DEFAULT_MAX_RECEIVES);
        };
    this.queue = syncMetrics.observe(engineQueue);
    this.commits =
        settings.store() == StoreKind.SQLITE && settings.queue() == QueueKind.SQLITE
            ? new SqliteCommitGroup(database.orElseThrow())
            : CommitGroup.separately();
    RateLimiter limiter =
        switch (settings.rateLimiter()) {
          case LOCAL -> new LocalRateLimiter(clock);
          case REDIS -> {
            Counter fallbacks =
                Counter.builder("syncwell.ratelimit.fallback.decisions")
                    .description(
                        "Rate-limit decisions answered by this node while Redis was unreachable")
                    .register(meters);
            yield keep(
                RedisRateLimiter.connect(
                    settings.redisUrl().orElseThrow(),
                    clock,
                    RedisLimiterSettings.defaults().withCommandTimeout(settings.redisTimeout()),
                    fallbacks::increment));
          }
        };
    this.rateLimiter = new MeteredRateLimiter(limiter, meters);
    this.cipher =
        settings
            .masterKeyFile()
            .map(TinkTokenCipher::withExistingKeyset)
            .orElseGet(
                () -> TinkTokenCipher.withKeysetCreatedIfAbsent(dataDir.resolve(KEYSET_FILE)));
    this.connections = new ConnectionStore(table, cipher, clock);
    this.configs = new SyncConfigStore(table, clock);
    this.cursors = new CursorStore(table, clock);
    this.jobs = new JobStore(table, clock);
    this.ledger = new LedgerStore(table, clock);
    this.configRuns = new ConfigRunStore(table, clock);
    this.connectors =
        ProviderConnectors.from(
            settings, clock, (provider, client) -> new MeteredHttpClient(client, provider, meters));
    connectors
        .byProvider()
        .forEach(
            (provider, connector) ->
                ProviderConnectors.circuitBreakerOf(connector)
                    .ifPresent(b -> CircuitBreakerGauges.register(provider, b, meters)));
    keep(new QueueDepthGauges(queue, meters).start());
    if (settings.metrics() == MetricsFormat.EMF) {
      keep(new EmfPublisher(meters, System.out, clock).start());
    }
    this.stateSigner =
        TinkStateSigner.withKeysetCreatedIfAbsent(TinkStateSigner.inDataDir(dataDir));
  }

  private <T extends AutoCloseable> T keep(T resource) {
    resources.add(resource);
    return resource;
  }

  private static DynamoDbClient dynamoDb(Settings settings) {
    return DynamoDbClients.forEndpoint(settings.dynamoDbEndpoint(), region(settings));
  }

  private static Region region(Settings settings) {
    return Region.of(settings.awsRegion());
  }

  /**
   * Opens the engines the settings choose, creating the data directory's database (when embedded)
   * and keysets when absent. Scale-out tables and queues must exist ({@code syncwell admin}).
   */
  public static Platform open(Settings settings, Clock clock) {
    return new Platform(settings, clock);
  }

  public MetadataTable table() {
    return table;
  }

  /**
   * Commits a job and its message together when the table and the queue share the SQLite file, else
   * one by one.
   */
  public CommitGroup commits() {
    return commits;
  }

  public JobQueue queue() {
    return queue;
  }

  /** Per-user and per-IP buckets: in-process, or shared through Redis with a local fallback. */
  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** The process's metrics, scraped at {@code /metrics}. */
  public PrometheusMeterRegistry meters() {
    return meters;
  }

  /**
   * The sync-job meters; {@link SyncRuntime} puts the engine's runner through {@link
   * SyncJobMetrics#observe(com.syncwell.engine.sync.JobRunner)}.
   */
  public SyncJobMetrics syncMetrics() {
    return syncMetrics;
  }

  public ConnectionStore connections() {
    return connections;
  }

  public SyncConfigStore configs() {
    return configs;
  }

  public CursorStore cursors() {
    return cursors;
  }

  public JobStore jobs() {
    return jobs;
  }

  public LedgerStore ledger() {
    return ledger;
  }

  /** Which job runs each sync config right now (one at a time). */
  public ConfigRunStore configRuns() {
    return configRuns;
  }

  public ConnectorRegistry connectors() {
    return connectors;
  }

  /** Seals provider tokens in connection items. */
  public TokenCipher cipher() {
    return cipher;
  }

  /** Signs OAuth {@code state} values; its key lives in the data directory. */
  public StateSigner stateSigner() {
    return stateSigner;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Closes the engines' clients and the database, last opened first. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable r : resources.reversed()) {
      try {
        r.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the platform failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
