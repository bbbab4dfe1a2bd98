package com.syncwell.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.connector.TokenSet;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionCreated;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.sync.RequestSyncJob;
import com.syncwell.engine.sync.RequestSyncOnProviderChange;
import com.syncwell.store.crypto.KeysetFile;
import com.syncwell.store.crypto.TinkTokenCipher;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stores a webhook receiver works on, real and embedded: SQLite metadata table and job queue in
 * a temporary directory, on a clock the test moves.
 */
final class WebhookBed implements AutoCloseable {
  final MutableClock clock = MutableClock.startingAtNewYear();
  final SqliteDatabase db;
  final SqliteMetadataTable table;
  final SqliteJobQueue queue;
  final ConnectionStore connections;
  final SyncConfigStore configs;
  final JobStore jobs;
  final RequestSyncOnProviderChange syncs;

  WebhookBed(Path dir) {
    db = SqliteDatabase.open(dir.resolve("syncwell.db"));
    table = new SqliteMetadataTable(db, clock);
    queue = new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES);
    connections =
        new ConnectionStore(
            table, TinkTokenCipher.withKeysetCreatedIfAbsent(KeysetFile.inDataDir(dir)), clock);
    configs = new SyncConfigStore(table, clock);
    jobs = new JobStore(table, clock);
    syncs = new RequestSyncOnProviderChange(configs, table, new RequestSyncJob(jobs, queue), clock);
  }

  /** An ACTIVE connection of {@code userId} to {@code providerUserId} at {@code provider}. */
  Connection connect(String userId, String provider, String providerUserId) {
    TokenSet tokens =
        new TokenSet(
            "access",
            Optional.of("refresh"),
            clock.instant().plusSeconds(3600),
            Set.of("scope"),
            Optional.of(providerUserId));
    return ((ConnectionCreated) connections.create(userId, provider, providerUserId, tokens))
        .connection();
  }

  /** An enabled config moving {@code type} from {@code source} to some other connection. */
  SyncConfig sync(Connection source, DataType type) {
    return configs.create(
        source.userId(),
        new SyncConfigSpec(
            source.connectionId(),
            "conn_destination",
            type,
            ConflictStrategy.SOURCE_WINS,
            true,
            Optional.empty(),
            Optional.empty()));
  }

  Connection reread(Connection c) {
    return connections.get(c.userId(), c.connectionId()).orElseThrow();
  }

  List<Job> jobsOf(String userId) {
    return jobs.listByUser(userId, 100, Optional.empty()).items();
  }

  long queued() {
    return queue.approximateDepth().total();
  }

  int markersOf(String userId) {
    return table.query(Query.partition("USER#" + userId).sortKeyPrefix("COALESCE#")).items().size();
  }

  /** No job, no queued message, no coalescing marker, and {@code c} exactly as it was. */
  void assertNothingChanged(Connection c) {
    assertThat(jobsOf(c.userId())).isEmpty();
    assertThat(queued()).isZero();
    assertThat(markersOf(c.userId())).isZero();
    assertThat(reread(c)).isEqualTo(c);
  }

  static WebhookRequest post(Map<String, String> headers, byte[] body) {
    return new WebhookRequest(
        "POST",
        Map.of(),
        headers.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
        body,
        "corr-post");
  }

  static WebhookRequest get(Map<String, String> query) {
    return new WebhookRequest(
        "GET",
        query.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
        Map.of(),
        new byte[0],
        "corr-get");
  }

  @Override
  public void close() {
    db.close();
  }
}
