package com.syncwell.engine.sync;

import com.syncwell.connector.Connector;
import com.syncwell.connector.TokenSet;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.store.ConfigRunStore;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionCreated;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.CursorStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.LedgerStore;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.store.crypto.KeysetFile;
import com.syncwell.store.crypto.TinkTokenCipher;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A fresh SQLite table in a temporary directory, the stores on it and a {@link RunSyncJob} wired to
 * the given connectors; the table can be wrapped (to inject crashes).
 */
final class SyncBed implements AutoCloseable {
  static final String USER = "user-1";

  final Clock clock;
  final SqliteDatabase db;
  final MetadataTable table;
  final JobStore jobs;
  final SyncConfigStore configs;
  final ConnectionStore connections;
  final CursorStore cursors;
  final LedgerStore ledger;
  final RunSyncJob runner;
  final SyncSettings settings;

  SyncBed(
      Path dir,
      Clock clock,
      Map<String, Connector> connectors,
      SyncSettings settings,
      UnaryOperator<MetadataTable> wrap) {
    this.clock = clock;
    this.settings = settings;
    db = SqliteDatabase.open(dir.resolve("syncwell.db"));
    table = wrap.apply(new SqliteMetadataTable(db, clock));
    jobs = new JobStore(table, clock);
    configs = new SyncConfigStore(table, clock);
    connections =
        new ConnectionStore(
            table, TinkTokenCipher.withKeysetCreatedIfAbsent(KeysetFile.inDataDir(dir)), clock);
    cursors = new CursorStore(table, clock);
    ledger = new LedgerStore(table, clock);
    runner =
        new RunSyncJob(
            new RunSyncJob.Stores(
                jobs, configs, connections, cursors, ledger, new ConfigRunStore(table, clock)),
            new ConnectorRegistry(connectors),
            clock,
            settings);
  }

  SyncBed(Path dir, MutableClock clock, Map<String, Connector> connectors) {
    this(dir, clock, connectors, SyncSettings.DEFAULT, t -> t);
  }

  Connection connect(String provider, String providerUserId, TokenSet tokens) {
    return ((ConnectionCreated) connections.create(USER, provider, providerUserId, tokens))
        .connection();
  }

  SyncConfig config(Connection from, Connection to, ConflictStrategy strategy) {
    return config(from, to, DataType.WORKOUT, strategy);
  }

  SyncConfig config(Connection from, Connection to, DataType type, ConflictStrategy strategy) {
    return configs.create(
        USER,
        new SyncConfigSpec(
            from.connectionId(),
            to.connectionId(),
            type,
            strategy,
            true,
            Optional.empty(),
            Optional.empty()));
  }

  Job job(SyncConfig config) {
    return jobs.create(USER, config.configId(), JobTrigger.MANUAL);
  }

  JobRun run(Job job, String worker) {
    return runner.run(new SyncJobMessage(USER, job.jobId()), worker);
  }

  /** A new job for the config, run to its end by one worker. */
  JobRun runOnce(SyncConfig config) {
    return run(job(config), "worker-" + System.nanoTime());
  }

  static Duration lease() {
    return SyncSettings.DEFAULT.lease();
  }

  @Override
  public void close() {
    db.close();
  }
}
