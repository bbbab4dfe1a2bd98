package com.syncwell.app;

import com.syncwell.app.config.Settings;
import com.syncwell.engine.port.StateSigner;
import com.syncwell.engine.port.TokenCipher;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.CursorStore;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.LedgerStore;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.store.crypto.TinkStateSigner;
import com.syncwell.store.crypto.TinkTokenCipher;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The embedded runtime's wiring (ARCHITECTURE.md §2): metadata table and job queue in one SQLite
 * file under the data directory, provider tokens sealed with a local Tink keyset there (or the
 * master key file the settings name), OAuth states signed with another keyset there, the stores on
 * top, and the configured connectors.
 */
public final class Platform implements AutoCloseable {
  public static final String DATABASE_FILE = "syncwell.db";
  public static final String KEYSET_FILE = "master-keyset.json";
  public static final String JOB_QUEUE = "sync-jobs";

  private final SqliteDatabase database;
  private final MetadataTable table;
  private final JobQueue queue;
  private final ConnectionStore connections;
  private final SyncConfigStore configs;
  private final CursorStore cursors;
  private final JobStore jobs;
  private final LedgerStore ledger;
  private final ConnectorRegistry connectors;
  private final TokenCipher cipher;
  private final StateSigner stateSigner;
  private final Path dataDir;

  private Platform(Settings settings, Clock clock) {
    this.dataDir = settings.dataDir();
    this.database = SqliteDatabase.open(dataDir.resolve(DATABASE_FILE));
    this.table = new SqliteMetadataTable(database, clock);
    this.queue = new SqliteJobQueue(database, JOB_QUEUE, clock, JobQueue.DEFAULT_MAX_RECEIVES);
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
    this.connectors = ProviderConnectors.from(settings, clock);
    this.stateSigner =
        TinkStateSigner.withKeysetCreatedIfAbsent(TinkStateSigner.inDataDir(dataDir));
  }

  /** Opens (creating when absent) the data directory's database and keyset. */
  public static Platform open(Settings settings, Clock clock) {
    return new Platform(settings, clock);
  }

  public MetadataTable table() {
    return table;
  }

  public JobQueue queue() {
    return queue;
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

  @Override
  public void close() {
    database.close();
  }
}
