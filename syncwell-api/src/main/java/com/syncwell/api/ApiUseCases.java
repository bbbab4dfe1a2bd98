package com.syncwell.api;

import com.syncwell.engine.account.AuthorizationStates;
import com.syncwell.engine.account.CompleteAuthorization;
import com.syncwell.engine.account.CreateSyncConfig;
import com.syncwell.engine.account.DeleteAccount;
import com.syncwell.engine.account.DeleteConnection;
import com.syncwell.engine.account.DeleteSyncConfig;
import com.syncwell.engine.account.GetConnection;
import com.syncwell.engine.account.GetExport;
import com.syncwell.engine.account.GetProfile;
import com.syncwell.engine.account.GetSyncConfig;
import com.syncwell.engine.account.GetSyncJob;
import com.syncwell.engine.account.ListConnections;
import com.syncwell.engine.account.ListProviders;
import com.syncwell.engine.account.ListSyncConfigs;
import com.syncwell.engine.account.ListSyncJobs;
import com.syncwell.engine.account.RequestExport;
import com.syncwell.engine.account.RequestSync;
import com.syncwell.engine.account.StartAuthorization;
import com.syncwell.engine.account.UpdateSettings;
import com.syncwell.engine.account.UpdateSyncConfig;
import com.syncwell.engine.port.CommitGroup;
import com.syncwell.engine.port.StateSigner;
import com.syncwell.engine.port.TokenCipher;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.store.AuthorizationNonceStore;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.CursorStore;
import com.syncwell.engine.store.ExportStore;
import com.syncwell.engine.store.JobRequests;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.LedgerStore;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.store.UserPartition;
import com.syncwell.engine.sync.ConnectorRegistry;
import com.syncwell.engine.sync.RequestSyncJob;
import java.time.Clock;
import java.util.Objects;

/**
 * The engine use cases behind the v1 resources, one per operation, and the {@link CommitGroup}
 * their grouped writes go through (when it is atomic, the API claims idempotency keys inside a
 * handler's commit).
 */
public record ApiUseCases(
    ListProviders listProviders,
    GetProfile getProfile,
    UpdateSettings updateSettings,
    StartAuthorization startAuthorization,
    CompleteAuthorization completeAuthorization,
    ListConnections listConnections,
    GetConnection getConnection,
    DeleteConnection deleteConnection,
    CreateSyncConfig createSyncConfig,
    ListSyncConfigs listSyncConfigs,
    GetSyncConfig getSyncConfig,
    UpdateSyncConfig updateSyncConfig,
    DeleteSyncConfig deleteSyncConfig,
    RequestSync requestSync,
    GetSyncJob getSyncJob,
    ListSyncJobs listSyncJobs,
    DeleteAccount deleteAccount,
    RequestExport requestExport,
    GetExport getExport,
    CommitGroup commits) {
  public ApiUseCases {
    Objects.requireNonNull(listProviders, "listProviders");
    Objects.requireNonNull(getProfile, "getProfile");
    Objects.requireNonNull(updateSettings, "updateSettings");
    Objects.requireNonNull(startAuthorization, "startAuthorization");
    Objects.requireNonNull(completeAuthorization, "completeAuthorization");
    Objects.requireNonNull(listConnections, "listConnections");
    Objects.requireNonNull(getConnection, "getConnection");
    Objects.requireNonNull(deleteConnection, "deleteConnection");
    Objects.requireNonNull(createSyncConfig, "createSyncConfig");
    Objects.requireNonNull(listSyncConfigs, "listSyncConfigs");
    Objects.requireNonNull(getSyncConfig, "getSyncConfig");
    Objects.requireNonNull(updateSyncConfig, "updateSyncConfig");
    Objects.requireNonNull(deleteSyncConfig, "deleteSyncConfig");
    Objects.requireNonNull(requestSync, "requestSync");
    Objects.requireNonNull(getSyncJob, "getSyncJob");
    Objects.requireNonNull(listSyncJobs, "listSyncJobs");
    Objects.requireNonNull(deleteAccount, "deleteAccount");
    Objects.requireNonNull(requestExport, "requestExport");
    Objects.requireNonNull(getExport, "getExport");
    Objects.requireNonNull(commits, "commits");
  }

  /**
   * Every use case over the stores of one table and queue: the usual wiring of a composition root.
   *
   * @param cipher encrypts provider tokens in connection items
   * @param stateSigner signs OAuth {@code state} values
   */
  public static ApiUseCases wire(
      MetadataTable table,
      JobQueue queue,
      ConnectorRegistry connectors,
      TokenCipher cipher,
      StateSigner stateSigner,
      Clock clock) {
    return wire(
        table,
        queue,
        connectors,
        cipher,
        stateSigner,
        clock,
        JobRequests.IGNORED,
        CommitGroup.separately());
  }

  /**
   * Like {@link #wire(MetadataTable, JobQueue, ConnectorRegistry, TokenCipher, StateSigner,
   * Clock)}, with {@code requests} told of every job the use cases create (metrics), and a
   * requested job and its message committed through {@code commits}.
   */
  public static ApiUseCases wire(
      MetadataTable table,
      JobQueue queue,
      ConnectorRegistry connectors,
      TokenCipher cipher,
      StateSigner stateSigner,
      Clock clock,
      JobRequests requests,
      CommitGroup commits) {
    ConnectionStore connections = new ConnectionStore(table, cipher, clock);
    SyncConfigStore configs = new SyncConfigStore(table, clock);
    JobStore jobs = new JobStore(table, clock);
    ProfileStore profiles = new ProfileStore(table, clock);
    ExportStore exports = new ExportStore(table, clock);
    UserPartition partition = new UserPartition(table);
    AuthorizationStates states = new AuthorizationStates(stateSigner, clock);
    return new ApiUseCases(
        new ListProviders(connectors),
        new GetProfile(profiles),
        new UpdateSettings(profiles),
        new StartAuthorization(connectors, states),
        new CompleteAuthorization(
            connectors, states, new AuthorizationNonceStore(table, clock), connections, clock),
        new ListConnections(connections),
        new GetConnection(connections),
        new DeleteConnection(connections, configs, jobs, connectors),
        new CreateSyncConfig(configs, connections, profiles, connectors, clock),
        new ListSyncConfigs(configs),
        new GetSyncConfig(configs),
        new UpdateSyncConfig(configs),
        new DeleteSyncConfig(configs),
        new RequestSync(
            configs,
            connections,
            profiles,
            connectors,
            new RequestSyncJob(jobs, queue, commits, requests),
            clock),
        new GetSyncJob(jobs),
        new ListSyncJobs(jobs),
        new DeleteAccount(profiles, connections, jobs, partition, connectors),
        new RequestExport(profiles, exports),
        new GetExport(
            exports,
            profiles,
            connections,
            configs,
            jobs,
            new CursorStore(table, clock),
            new LedgerStore(table, clock),
            partition,
            clock),
        commits);
  }
}
