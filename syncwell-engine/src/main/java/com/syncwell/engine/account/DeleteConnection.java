package com.syncwell.engine.account;

import com.syncwell.connector.Connector;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Deleted;
import com.syncwell.engine.store.Cancelled;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.ResultPage;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.sync.ConnectorRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /v1/connections/{id}}: de-authorizes a connection.
 *
 * <ol>
 *   <li>Revokes the grant at the provider, best effort: a failure (provider down, tokens that no
 *       longer decrypt, no connector configured) is logged by class name and does not stop the
 *       deletion — the user asked us to forget the connection, and we do.
 *   <li>Deletes every sync config whose source or destination it is (version-checked, re-read and
 *       retried on a concurrent change such as the scheduler's).
 *   <li>Cancels the unfinished (QUEUED or RUNNING) jobs of those configs, going through all of the
 *       user's jobs of the last 30 days; a running worker loses its lease at its next extension.
 *   <li>Deletes the connection and its webhook routing item (version-checked, retried).
 * </ol>
 *
 * <p>There is no multi-item transaction: a crash midway leaves a connection whose grant may be
 * revoked and some of whose configs may be gone; calling again finishes the job (idempotent until
 * the connection is gone, then {@link ConnectionNotFound}). Cursors and ledger entries of the
 * deleted configs stay (ids and hashes only) until the account is erased.
 */
public final class DeleteConnection {
  private static final Logger LOG = LoggerFactory.getLogger(DeleteConnection.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final int JOB_PAGE = 500;

  private final ConnectionStore connections;
  private final SyncConfigStore configs;
  private final JobStore jobs;
  private final ConnectorRegistry connectors;

  public DeleteConnection(
      ConnectionStore connections,
      SyncConfigStore configs,
      JobStore jobs,
      ConnectorRegistry connectors) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.connectors = Objects.requireNonNull(connectors, "connectors");
  }

  /**
   * @param userId the caller, from the token
   * @param connectionId as received; a malformed one is not found
   * @throws StorageFailure when the store fails or an item kept changing under every attempt
   */
  public DeleteConnectionOutcome delete(String userId, String connectionId) {
    Objects.requireNonNull(userId, "userId");
    if (!FieldRules.isId(connectionId)) {
      return new ConnectionNotFound(connectionId);
    }
    Optional<Connection> found = connections.get(userId, connectionId);
    if (found.isEmpty()) {
      return new ConnectionNotFound(connectionId);
    }
    revokeQuietly(found.get());

    List<SyncConfig> dependent =
        configs.listByUser(userId).stream()
            .filter(
                c ->
                    c.spec().sourceConnectionId().equals(connectionId)
                        || c.spec().destinationConnectionId().equals(connectionId))
            .toList();
    int configsDeleted = 0;
    for (SyncConfig config : dependent) {
      if (deleteConfig(config)) {
        configsDeleted++;
      }
    }
    int jobsCancelled =
        cancelUnfinishedJobs(
            userId, dependent.stream().map(SyncConfig::configId).collect(Collectors.toSet()));
    deleteConnection(found.get());
    LOG.info(
        "connection {} deleted with {} sync configs; {} jobs cancelled",
        connectionId,
        configsDeleted,
        jobsCancelled);
    return new ConnectionDeleted(configsDeleted, jobsCancelled);
  }

  private void revokeQuietly(Connection connection) {
    Optional<Connector> connector = connectors.forProvider(connection.provider());
    if (connector.isEmpty()) {
      LOG.warn(
          "connection {}: no {} connector is configured, so its grant was not revoked",
          connection.connectionId(),
          connection.provider());
      return;
    }
    try {
      connector.get().oauth().revoke(connections.tokens(connection));
    } catch (RuntimeException e) {
      LOG.warn(
          "connection {}: revoking its grant at {} failed ({}); deleting it anyway",
          connection.connectionId(),
          connection.provider(),
          e.getClass().getSimpleName());
    }
  }

  /** True when this call deleted it; false when it was gone already. */
  private boolean deleteConfig(SyncConfig read) {
    SyncConfig current = read;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (configs.delete(current.userId(), current.configId(), current.version())
          instanceof Deleted) {
        return true;
      }
      Optional<SyncConfig> again = configs.get(current.userId(), current.configId());
      if (again.isEmpty()) {
        return false;
      }
      current = again.get();
    }
    throw new StorageFailure("a sync config kept changing while it was being deleted", null);
  }

  private int cancelUnfinishedJobs(String userId, Set<String> configIds) {
    if (configIds.isEmpty()) {
      return 0;
    }
    int cancelled = 0;
    Optional<String> pageToken = Optional.empty();
    do {
      ResultPage<Job> page = jobs.listByUser(userId, JOB_PAGE, pageToken);
      for (Job job : page.items()) {
        if (configIds.contains(job.configId())
            && !job.status().isFinished()
            && jobs.cancel(userId, job.jobId()) instanceof Cancelled) {
          cancelled++;
        }
      }
      pageToken = page.nextPageToken();
    } while (pageToken.isPresent());
    return cancelled;
  }

  private void deleteConnection(Connection read) {
    Connection current = read;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (connections.delete(current.userId(), current.connectionId(), current.version())
          instanceof Deleted) {
        return;
      }
      Optional<Connection> again = connections.get(current.userId(), current.connectionId());
      if (again.isEmpty()) {
        return;
      }
      current = again.get();
    }
    throw new StorageFailure("a connection kept changing while it was being deleted", null);
  }
}
