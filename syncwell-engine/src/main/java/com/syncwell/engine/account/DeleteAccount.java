package com.syncwell.engine.account;

import com.syncwell.connector.Connector;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Deleted;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.store.Cancelled;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.Profile;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.engine.store.ResultPage;
import com.syncwell.engine.store.UserPartition;
import com.syncwell.engine.sync.ConnectorRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /v1/users/me}: erases everything SyncWell keeps about the caller (GDPR Art. 17).
 *
 * <p><b>Steps, in this order</b> (the order is what makes a crash or a race harmless):
 *
 * <ol>
 *   <li><b>Mark</b> the profile as being erased ({@link ProfileStore#markBeingErased}; a marked
 *       profile is created when there is none). From now on requests that would create or change
 *       data are refused with {@link AccountBeingErased}.
 *   <li><b>Revoke</b> every connection's grant at its provider, best effort: a failure (provider
 *       down, no connector configured, tokens that no longer decrypt) is logged by class name and
 *       counted, never fatal. Tokens are never logged.
 *   <li><b>Release</b> each connection's provider account: its {@code PROVIDER#…/OWNER} routing
 *       item is deleted when it still names this connection, so the account's webhooks stop
 *       reaching the user.
 *   <li><b>Cancel</b> the user's unfinished jobs, so a worker holding one stops at its next lease
 *       extension (a job whose item is gone is skipped as missing as well).
 *   <li><b>Sweep</b> the {@code USER#{userId}} partition: page through it and delete every item but
 *       the profile in batches of at most 25, each retried a bounded number of times, until a full
 *       pass finds nothing. A connection met in the sweep that step 2 did not see (created
 *       concurrently) is revoked and released first. Before each page the mark is read again: if it
 *       is gone, a concurrent erasure finished, and this run stops so that it never touches a new
 *       account the user started since.
 *   <li><b>Delete the profile</b>, the mark, if it is still marked (version-checked).
 * </ol>
 *
 * <p><b>Crash safety and idempotency.</b> Every step is idempotent and the mark stays until the
 * very end, so running the erasure again after a crash at any point finishes it (grants are revoked
 * again, harmlessly). Running it on an account with nothing left creates and deletes a mark and
 * changes nothing else. <b>Races:</b> two concurrent erasures both mark (the second sees the mark),
 * both revoke and sweep (deletes of absent items are ignored) and whichever deletes the profile
 * first ends both. A request that creates an item while the sweep runs either had it swept or, once
 * the sweep has ended, created it in the user's new account.
 *
 * <p><b>Bounded, synchronous.</b> The erasure runs inside the request: a user has at most a few
 * thousand items (ledger entries dominate), i.e. a few hundred batch deletes plus one revocation
 * call per connection, which takes seconds at worst. A run that has deleted {@link
 * #DEFAULT_ITEM_BUDGET} items and finds more stops there and answers {@link
 * AccountErasureUnfinished}; the next run continues. A queued erasure would need its own message
 * type and worker path; the direct run is simpler and its outcome is known to the caller.
 *
 * <p><b>Left out on purpose:</b> expired items (absent to every read; the table's TTL or sweeper
 * removes them physically), queue messages of deleted jobs (they carry a user and a job id only; a
 * worker finds the job missing and drops them; dead-lettered ones age out with the queue's
 * retention) and health records, which SyncWell never stores (they stay at the providers).
 *
 * <p><b>Threading:</b> safe for concurrent use.
 */
public final class DeleteAccount {
  /** Most items one run deletes before answering {@link AccountErasureUnfinished}. */
  public static final int DEFAULT_ITEM_BUDGET = 20_000;

  private static final Logger LOG = LoggerFactory.getLogger(DeleteAccount.class);
  private static final int PAGE = 100;
  private static final int JOB_PAGE = 500;
  private static final int MAX_ATTEMPTS = 5;

  private final ProfileStore profiles;
  private final ConnectionStore connections;
  private final JobStore jobs;
  private final UserPartition partition;
  private final ConnectorRegistry connectors;
  private final int itemBudget;

  public DeleteAccount(
      ProfileStore profiles,
      ConnectionStore connections,
      JobStore jobs,
      UserPartition partition,
      ConnectorRegistry connectors) {
    this(profiles, connections, jobs, partition, connectors, DEFAULT_ITEM_BUDGET);
  }

  DeleteAccount(
      ProfileStore profiles,
      ConnectionStore connections,
      JobStore jobs,
      UserPartition partition,
      ConnectorRegistry connectors,
      int itemBudget) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.partition = Objects.requireNonNull(partition, "partition");
    this.connectors = Objects.requireNonNull(connectors, "connectors");
    if (itemBudget < 1) {
      throw new IllegalArgumentException("the item budget must be positive");
    }
    this.itemBudget = itemBudget;
  }

  /**
   * Erases the caller's account; see the class comment.
   *
   * @param userId the caller, from the token
   * @throws StorageFailure when the store fails (nothing is lost: run it again to finish)
   */
  public DeleteAccountOutcome erase(String userId) {
    if (!FieldRules.isId(userId)) {
      throw new IllegalArgumentException("not a user id");
    }
    profiles.markBeingErased(userId);
    Run run = new Run(userId);
    for (Connection connection : connections.listByUser(userId)) {
      run.release(connection);
    }
    run.cancelUnfinishedJobs();
    DeleteAccountOutcome outcome =
        switch (run.sweep()) {
          case FINISHED -> {
            deleteMarkedProfile(userId);
            yield new AccountErased(run.tally());
          }
          case FINISHED_BY_ANOTHER -> new AccountErased(run.tally());
          case OVER_BUDGET -> new AccountErasureUnfinished(run.tally());
        };
    ErasureTally t = outcome.tally();
    LOG.info(
        "account erasure {}: {} grants revoked, {} revocations failed, {} jobs cancelled, {} items"
            + " deleted",
        outcome instanceof AccountErased ? "finished" : "continues",
        t.grantsRevoked(),
        t.revocationsFailed(),
        t.jobsCancelled(),
        t.itemsDeleted());
    return outcome;
  }

  private void deleteMarkedProfile(String userId) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Profile> current = profiles.get(userId);
      if (current.isEmpty() || !current.get().isBeingErased()) {
        return;
      }
      if (profiles.deleteIfVersion(userId, current.get().version()) instanceof Deleted) {
        return;
      }
    }
    throw new StorageFailure("the profile kept changing while the account was erased", null);
  }

  private enum SweepEnd {
    FINISHED,
    FINISHED_BY_ANOTHER,
    OVER_BUDGET
  }

  /** The state of one erasure run: what it did, and which connections it has released. */
  private final class Run {
    private final String userId;
    private final Set<String> released = new HashSet<>();
    private int grantsRevoked;
    private int revocationsFailed;
    private int providerAccountsReleased;
    private int jobsCancelled;
    private long itemsDeleted;

    Run(String userId) {
      this.userId = userId;
    }

    ErasureTally tally() {
      return new ErasureTally(
          grantsRevoked, revocationsFailed, providerAccountsReleased, jobsCancelled, itemsDeleted);
    }

    /** Revokes the grant (best effort) and releases the provider account, once per run. */
    void release(Connection connection) {
      if (!released.add(connection.connectionId())) {
        return;
      }
      if (revokeQuietly(connection)) {
        grantsRevoked++;
      } else {
        revocationsFailed++;
      }
      if (connections.releaseProviderAccount(connection)) {
        providerAccountsReleased++;
      }
    }

    private boolean revokeQuietly(Connection connection) {
      Optional<Connector> connector = connectors.forProvider(connection.provider());
      if (connector.isEmpty()) {
        LOG.warn(
            "connection {}: no {} connector is configured, so its grant was not revoked",
            connection.connectionId(),
            connection.provider());
        return false;
      }
      try {
        connector.get().oauth().revoke(connections.tokens(connection));
        return true;
      } catch (RuntimeException e) {
        LOG.warn(
            "connection {}: revoking its grant at {} failed ({}); erasing it anyway",
            connection.connectionId(),
            connection.provider(),
            e.getClass().getSimpleName());
        return false;
      }
    }

    void cancelUnfinishedJobs() {
      Optional<String> pageToken = Optional.empty();
      do {
        ResultPage<Job> page = jobs.listByUser(userId, JOB_PAGE, pageToken);
        for (Job job : page.items()) {
          if (!job.status().isFinished() && jobs.cancel(userId, job.jobId()) instanceof Cancelled) {
            jobsCancelled++;
          }
        }
        pageToken = page.nextPageToken();
      } while (pageToken.isPresent());
    }

    /** Deletes every item but the profile, pass after pass, until a pass finds none. */
    SweepEnd sweep() {
      while (true) {
        long before = itemsDeleted;
        Optional<String> pageToken = Optional.empty();
        do {
          if (!stillMarked()) {
            return SweepEnd.FINISHED_BY_ANOTHER;
          }
          ResultPage<ItemKey> page = partition.keys(userId, PAGE, pageToken);
          List<ItemKey> keys = page.items();
          if (!keys.isEmpty() && itemsDeleted >= itemBudget) {
            return SweepEnd.OVER_BUDGET;
          }
          for (ItemKey key : keys) {
            UserPartition.connectionIdOf(key)
                .filter(id -> !released.contains(id))
                .flatMap(id -> connections.get(userId, id))
                .ifPresent(this::release);
          }
          partition.delete(userId, keys);
          itemsDeleted += keys.size();
          pageToken = page.nextPageToken();
        } while (pageToken.isPresent());
        if (itemsDeleted == before) {
          return SweepEnd.FINISHED;
        }
      }
    }

    private boolean stillMarked() {
      return profiles.get(userId).map(Profile::isBeingErased).orElse(false);
    }
  }
}
