package com.syncwell.engine.account;

import com.syncwell.connector.Connector;
import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.store.AuthorizationNonceStore;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionCreated;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.CursorStore;
import com.syncwell.engine.store.ExportStore;
import com.syncwell.engine.store.IdempotencyStore;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.LedgerStore;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigSpec;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.store.UserPartition;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.engine.sync.RequestSyncJob;
import com.syncwell.store.crypto.KeysetFile;
import com.syncwell.store.crypto.TinkStateSigner;
import com.syncwell.store.crypto.TinkTokenCipher;
import com.syncwell.store.sqlite.SqliteDatabase;
import com.syncwell.store.sqlite.SqliteJobQueue;
import com.syncwell.store.sqlite.SqliteMetadataTable;
import com.syncwell.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A fresh SQLite table and job queue in a temporary directory on a clock the test moves, the stores
 * on them, and every use case wired to the given connectors. Two users: {@link #ALICE} and {@link
 * #BOB}.
 */
final class AccountBed implements AutoCloseable {
  static final String ALICE = "user-alice";
  static final String BOB = "user-bob";

  final MutableClock clock = MutableClock.startingAtNewYear();
  final SqliteDatabase db;
  final MetadataTable table;
  final SqliteJobQueue queue;
  final ConnectionStore connections;
  final SyncConfigStore configs;
  final JobStore jobs;
  final ProfileStore profiles;
  final CursorStore cursors;
  final LedgerStore ledger;
  final ExportStore exports;
  final IdempotencyStore idempotency;
  final UserPartition partition;
  final AuthorizationNonceStore nonces;
  final ConnectorRegistry connectors;
  final AuthorizationStates states;

  AccountBed(Path dir, Map<String, Connector> byProvider) {
    this(dir, byProvider, t -> t);
  }

  AccountBed(Path dir, Map<String, Connector> byProvider, UnaryOperator<MetadataTable> wrap) {
    db = SqliteDatabase.open(dir.resolve("syncwell.db"));
    table = wrap.apply(new SqliteMetadataTable(db, clock));
    queue = new SqliteJobQueue(db, "jobs", clock, JobQueue.DEFAULT_MAX_RECEIVES);
    connections =
        new ConnectionStore(
            table, TinkTokenCipher.withKeysetCreatedIfAbsent(KeysetFile.inDataDir(dir)), clock);
    configs = new SyncConfigStore(table, clock);
    jobs = new JobStore(table, clock);
    profiles = new ProfileStore(table, clock);
    cursors = new CursorStore(table, clock);
    ledger = new LedgerStore(table, clock);
    exports = new ExportStore(table, clock);
    idempotency = new IdempotencyStore(table, clock);
    partition = new UserPartition(table);
    nonces = new AuthorizationNonceStore(table, clock);
    connectors = new ConnectorRegistry(byProvider);
    states = new AuthorizationStates(TinkStateSigner.withFreshKey(), clock);
  }

  /**
   * "fitbit" reads every type and writes workouts and weight; "strava" reads and writes workouts.
   */
  static Map<String, Connector> scriptedFitbitAndStrava() {
    return Map.of(
        "fitbit",
        new ScriptedConnector(
            "fitbit", EnumSet.allOf(DataType.class), EnumSet.of(DataType.WORKOUT, DataType.WEIGHT)),
        "strava",
        new ScriptedConnector(
            "strava", EnumSet.of(DataType.WORKOUT), EnumSet.of(DataType.WORKOUT)));
  }

  ScriptedConnector scripted(String provider) {
    return (ScriptedConnector) connectors.forProvider(provider).orElseThrow();
  }

  GetProfile getProfile() {
    return new GetProfile(profiles);
  }

  UpdateSettings updateSettings() {
    return new UpdateSettings(profiles);
  }

  StartAuthorization startAuthorization() {
    return new StartAuthorization(connectors, states);
  }

  CompleteAuthorization completeAuthorization() {
    return new CompleteAuthorization(connectors, states, nonces, connections, clock);
  }

  GetConnection getConnection() {
    return new GetConnection(connections);
  }

  ListConnections listConnections() {
    return new ListConnections(connections);
  }

  DeleteConnection deleteConnection() {
    return new DeleteConnection(connections, configs, jobs, connectors);
  }

  CreateSyncConfig createSyncConfig() {
    return new CreateSyncConfig(configs, connections, profiles, connectors, clock);
  }

  GetSyncConfig getSyncConfig() {
    return new GetSyncConfig(configs);
  }

  ListSyncConfigs listSyncConfigs() {
    return new ListSyncConfigs(configs);
  }

  UpdateSyncConfig updateSyncConfig() {
    return new UpdateSyncConfig(configs);
  }

  DeleteSyncConfig deleteSyncConfig() {
    return new DeleteSyncConfig(configs);
  }

  RequestSync requestSync() {
    return new RequestSync(
        configs, connections, profiles, connectors, new RequestSyncJob(jobs, queue), clock);
  }

  /** A {@code manual} ad-hoc sync request from {@code from} to {@code to}. */
  static SyncOfPair manualSync(Connection from, Connection to, String dataType) {
    return new SyncOfPair(
        from.connectionId(), to.connectionId(), dataType, "manual", Optional.empty());
  }

  GetSyncJob getSyncJob() {
    return new GetSyncJob(jobs);
  }

  ListSyncJobs listSyncJobs() {
    return new ListSyncJobs(jobs);
  }

  DeleteAccount deleteAccount() {
    return new DeleteAccount(profiles, connections, jobs, partition, connectors);
  }

  RequestExport requestExport() {
    return new RequestExport(profiles, exports);
  }

  GetExport getExport() {
    return new GetExport(
        exports, profiles, connections, configs, jobs, cursors, ledger, partition, clock);
  }

  /** A connection of {@code user} to {@code account} at {@code provider}, created in the store. */
  Connection connect(String user, String provider, String account) {
    return ((ConnectionCreated)
            connections.create(user, provider, account, ScriptedConnector.tokens(account)))
        .connection();
  }

  /** A scheduled config, written straight to the store. */
  SyncConfig config(String user, Connection from, Connection to, DataType type) {
    return configs.create(
        user,
        new SyncConfigSpec(
            from.connectionId(),
            to.connectionId(),
            type,
            ConflictStrategy.SOURCE_WINS,
            true,
            Optional.of("FREE"),
            Optional.of(clock.instant())));
  }

  /** Every config due at {@code at}, over all schedule buckets: what the scheduler would see. */
  List<String> dueConfigIds(Instant at) {
    List<String> due = new ArrayList<>();
    for (int bucket = 0; bucket < SyncConfigStore.SCHEDULE_BUCKETS; bucket++) {
      configs.dueConfigs(bucket, at, 1000).forEach(c -> due.add(c.configId()));
    }
    return due;
  }

  /** Every message on the queue (received with a long lease, so each comes once). */
  List<ReceivedMessage> drainQueue() {
    List<ReceivedMessage> all = new ArrayList<>();
    while (true) {
      List<ReceivedMessage> batch =
          queue.receive(
              ReceiveRequest.of(ReceiveRequest.MAX_MESSAGES, Duration.ofHours(1))
                  .waitingUpTo(Duration.ZERO));
      if (batch.isEmpty()) {
        return all;
      }
      all.addAll(batch);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
