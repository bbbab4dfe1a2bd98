package com.syncwell.engine.sync;

import com.syncwell.domain.DataType;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Written;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Requests syncs after a provider said "something changed" for one connection and data type (a
 * webhook), at most once per {@link #WINDOW}: every enabled sync config of the user whose source is
 * that connection and whose data type matches gets one {@link JobTrigger#WEBHOOK} job, unless such
 * a request was made within the window.
 *
 * <p><b>Coalescing:</b> a marker item {@code USER#{userId}} / {@code
 * COALESCE#{connectionId}#{dataType}} (the data type by its wire name) with {@code expiresAt} = now
 * + {@link #WINDOW} is written put-if-absent before the jobs are requested. The {@link
 * MetadataTable} contract treats an expired item as absent to {@code putIfAbsent}, so the first
 * change after the window passes writes a new marker; no clean-up is needed (TTL or {@code
 * sweepExpired} removes old markers). Of concurrent callers, across processes, exactly one wins the
 * marker. A burst of notifications therefore costs one config listing and one conditional write
 * each, and one job per config per window. The window is leading-edge: the job reads everything
 * since its cursor when it runs, so changes folded into it are synced if they arrived before it
 * ran; a change that arrives inside the window after the job ran waits for the next change after
 * the window, or for the schedule.
 *
 * <p><b>Failure:</b> when enqueuing fails the marker is deleted (version-checked) before the
 * failure propagates, so the provider's retry is not swallowed by a marker whose jobs never got
 * queued. Jobs enqueued before the failure stay; a retry may enqueue them again, which the sync
 * tolerates (it is idempotent). A failing store throws {@link
 * com.syncwell.engine.port.StorageFailure}.
 *
 * <p><b>Threading:</b> safe for concurrent use.
 */
public final class RequestSyncOnProviderChange {
  /** At most one request per (user, connection, data type) within this long. */
  public static final Duration WINDOW = Duration.ofSeconds(60);

  private static final String MARKER_PREFIX = "COALESCE#";

  private final SyncConfigStore configs;
  private final MetadataTable table;
  private final RequestSyncJob requestSyncJob;
  private final Clock clock;

  public RequestSyncOnProviderChange(
      SyncConfigStore configs, MetadataTable table, RequestSyncJob requestSyncJob, Clock clock) {
    this.configs = Objects.requireNonNull(configs, "configs");
    this.table = Objects.requireNonNull(table, "table");
    this.requestSyncJob = Objects.requireNonNull(requestSyncJob, "requestSyncJob");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Requests a sync of every enabled config of {@code userId} that reads {@code dataType} from
   * {@code sourceConnectionId}, unless one was requested within the window.
   *
   * @param correlationId carried on each job's queue message
   */
  public ProviderChangeSyncs request(
      String userId, String sourceConnectionId, DataType dataType, String correlationId) {
    requireKeyPart("user id", userId);
    requireKeyPart("connection id", sourceConnectionId);
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(correlationId, "correlationId");
    List<SyncConfig> matching =
        configs.listByUser(userId).stream()
            .filter(c -> c.spec().enabled())
            .filter(c -> c.spec().sourceConnectionId().equals(sourceConnectionId))
            .filter(c -> c.spec().dataType() == dataType)
            .toList();
    if (matching.isEmpty()) {
      return ProviderChangeSyncs.none();
    }
    Instant now = clock.instant();
    ItemKey key = markerKey(userId, sourceConnectionId, dataType);
    Item marker =
        Item.builder(key)
            .set("kind", "COALESCE")
            .set("requestedAt", now.toString())
            .expiresAt(now.plus(WINDOW))
            .build();
    if (!(table.putIfAbsent(marker) instanceof Written written)) {
      return new ProviderChangeSyncs(0, matching.size());
    }
    int enqueued = 0;
    try {
      for (SyncConfig config : matching) {
        requestSyncJob.request(userId, config.configId(), JobTrigger.WEBHOOK, correlationId);
        enqueued++;
      }
    } catch (RuntimeException e) {
      try {
        table.deleteIfVersion(key, written.version());
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return new ProviderChangeSyncs(enqueued, 0);
  }

  static ItemKey markerKey(String userId, String connectionId, DataType dataType) {
    return ItemKey.of("USER#" + userId, MARKER_PREFIX + connectionId + "#" + dataType.wireName());
  }

  /** The store's rule for ids inside keys: 1 to 128 characters, no '#', no control characters. */
  private static void requireKeyPart(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()
        || value.length() > 128
        || value.chars().anyMatch(c -> c == '#' || Character.isISOControl(c))) {
      throw new IllegalArgumentException(
          what + " must be 1 to 128 characters without '#' or control characters");
    }
  }
}
