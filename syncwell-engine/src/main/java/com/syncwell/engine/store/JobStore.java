package com.syncwell.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.connector.TimeWindow;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.PutOutcome;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.UpdateOutcome;
import com.syncwell.engine.port.table.Written;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sync jobs at {@code USER#{userId}} / {@code JOB#{jobId}} (ARCHITECTURE.md §8 step 1). Job ids are
 * {@code job_} and a ULID-like body, so a descending query of the {@code JOB#} prefix lists a
 * user's jobs newest first. Items expire {@link #RETENTION} after creation (table TTL).
 *
 * <p>A worker {@link #claim claims} a job with a version-checked write that sets RUNNING, itself as
 * lease owner and a lease expiry; of two workers racing, exactly one wins and the other sees {@link
 * LeasedByAnother}. A RUNNING job whose lease has run out may be claimed by another worker (the
 * first one crashed or stalled); the first one then finds {@link LeaseLost} when it extends or
 * completes. Every write re-reads and retries on a version conflict, deciding again on what it
 * reads.
 */
public final class JobStore {
  /** How long a job item is kept. */
  public static final Duration RETENTION = Duration.ofDays(30);

  private static final String KIND = "job";
  private static final String SORT_PREFIX = "JOB#";
  private static final int MAX_ATTEMPTS = 8;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final MetadataTable table;
  private final Clock clock;

  public JobStore(MetadataTable table, Clock clock) {
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A new QUEUED incremental job for a config, under a new time-ordered id. */
  public Job create(String userId, String configId, JobTrigger trigger) {
    return create(userId, configId, trigger, Optional.empty());
  }

  /**
   * A new QUEUED job for a config; with a {@code window}, a historical job that syncs the records
   * starting in it again, regardless of the config's cursor.
   */
  public Job create(
      String userId, String configId, JobTrigger trigger, Optional<TimeWindow> window) {
    UserKeys.requireId("config id", configId);
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(window, "window");
    String jobId = SortableIds.next("job", clock);
    Instant now = clock.instant();
    Item.Builder builder =
        Item.builder(key(userId, jobId))
            .set("kind", "JOB")
            .set("jobId", jobId)
            .set("userId", userId)
            .set("configId", configId)
            .set("trigger", trigger.name())
            .set("status", JobStatus.QUEUED.name())
            .set("progress", progress(JobProgress.NONE))
            .set("createdAt", now.toString())
            .set("updatedAt", now.toString())
            .expiresAt(now.plus(RETENTION));
    window.ifPresent(
        w -> builder.set("windowFrom", w.from().toString()).set("windowTo", w.to().toString()));
    Item item = builder.build();
    PutOutcome put = table.putIfAbsent(item);
    if (!(put instanceof Written written)) {
      throw new IllegalStateException("a fresh job id collided");
    }
    return read(new StoredItem(item, written.version()));
  }

  /** The job, if it exists and has not expired. */
  public Optional<Job> get(String userId, String jobId) {
    return table.get(key(userId, jobId)).map(JobStore::read);
  }

  /** One page of a user's jobs, newest first. */
  public ResultPage<Job> listByUser(String userId, int limit, Optional<String> pageToken) {
    Query query =
        Query.partition(UserKeys.partition(userId))
            .sortKeyPrefix(SORT_PREFIX)
            .descending()
            .limit(limit);
    if (pageToken.isPresent()) {
      query = query.after(pageToken.get());
    }
    Page page = table.query(query);
    return new ResultPage<>(
        page.items().stream().map(JobStore::read).toList(), page.nextPageToken());
  }

  /**
   * Claims the job for {@code workerId} for {@code lease}: QUEUED → RUNNING, or RUNNING with an
   * expired lease → RUNNING under the new owner.
   */
  public ClaimOutcome claim(String userId, String jobId, String workerId, Duration lease) {
    Objects.requireNonNull(workerId, "workerId");
    requirePositive(lease);
    return retrying(
        userId,
        jobId,
        JobMissing::new,
        stored -> {
          Job job = read(stored);
          Instant now = clock.instant();
          if (job.status().isFinished()) {
            return Optional.of(new AlreadyFinished(job));
          }
          if (job.isLeasedAt(now)) {
            return Optional.of(new LeasedByAnother(job));
          }
          ItemUpdate update =
              ItemUpdate.builder()
                  .set("status", JobStatus.RUNNING.name())
                  .set("leaseOwner", workerId)
                  .set("leaseExpiresAt", now.plus(lease).toString())
                  .set("updatedAt", now.toString())
                  .build();
          return write(stored, update).map(Claimed::new);
        });
  }

  /**
   * Extends the caller's lease to {@code lease} from now and records progress, if the caller still
   * holds the job (RUNNING, lease owner).
   */
  public LeaseOutcome extendLease(
      String userId, String jobId, String workerId, Duration lease, JobProgress progress) {
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(progress, "progress");
    requirePositive(lease);
    return retrying(
        userId,
        jobId,
        JobMissing::new,
        stored -> {
          Job job = read(stored);
          if (!heldBy(job, workerId)) {
            return Optional.of(new LeaseLost(job));
          }
          Instant now = clock.instant();
          ItemUpdate update =
              ItemUpdate.builder()
                  .set("leaseExpiresAt", now.plus(lease).toString())
                  .set("progress", progress(progress))
                  .set("updatedAt", now.toString())
                  .build();
          return write(stored, update).map(LeaseExtended::new);
        });
  }

  /**
   * RUNNING → QUEUED without a lease, recording progress, by the lease owner only: the job stopped
   * on a retriable failure (rate limit, transient error) and its message will come back, to be
   * claimed at once rather than after the lease runs out.
   */
  public ReleaseOutcome release(
      String userId, String jobId, String workerId, JobProgress progress) {
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(progress, "progress");
    return retrying(
        userId,
        jobId,
        JobMissing::new,
        stored -> {
          Job job = read(stored);
          if (!heldBy(job, workerId)) {
            return Optional.of(new LeaseLost(job));
          }
          ItemUpdate update =
              ItemUpdate.builder()
                  .set("status", JobStatus.QUEUED.name())
                  .set("progress", progress(progress))
                  .set("updatedAt", clock.instant().toString())
                  .remove("leaseOwner")
                  .remove("leaseExpiresAt")
                  .build();
          return write(stored, update).map(Released::new);
        });
  }

  /** RUNNING → SUCCEEDED with its report, by the lease owner only. */
  public CompletionOutcome succeed(String userId, String jobId, String workerId, JobReport report) {
    return complete(userId, jobId, workerId, JobStatus.SUCCEEDED, Optional.empty(), report);
  }

  /**
   * RUNNING → FAILED with a reason the user may read (never a token or a health value), by the
   * lease owner only.
   */
  public CompletionOutcome fail(
      String userId, String jobId, String workerId, String reason, JobReport report) {
    Objects.requireNonNull(reason, "reason");
    return complete(userId, jobId, workerId, JobStatus.FAILED, Optional.of(reason), report);
  }

  /** QUEUED or RUNNING → CANCELLED; a finished job stays as it is. */
  public CancelOutcome cancel(String userId, String jobId) {
    return retrying(
        userId,
        jobId,
        JobMissing::new,
        stored -> {
          Job job = read(stored);
          if (job.status().isFinished()) {
            return Optional.of(new AlreadyFinished(job));
          }
          ItemUpdate update =
              ItemUpdate.builder()
                  .set("status", JobStatus.CANCELLED.name())
                  .set("updatedAt", clock.instant().toString())
                  .remove("leaseOwner")
                  .remove("leaseExpiresAt")
                  .build();
          return write(stored, update).map(Cancelled::new);
        });
  }

  private CompletionOutcome complete(
      String userId,
      String jobId,
      String workerId,
      JobStatus status,
      Optional<String> reason,
      JobReport report) {
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(report, "report");
    return retrying(
        userId,
        jobId,
        JobMissing::new,
        stored -> {
          Job job = read(stored);
          if (!heldBy(job, workerId)) {
            return Optional.of(new LeaseLost(job));
          }
          ItemUpdate.Builder update =
              ItemUpdate.builder()
                  .set("status", status.name())
                  .set("report", reportJson(report))
                  .set("progress", progress(JobProgress.of(report)))
                  .set("updatedAt", clock.instant().toString())
                  .remove("leaseOwner")
                  .remove("leaseExpiresAt");
          reason.ifPresent(r -> update.set("failureReason", r));
          return write(stored, update.build()).map(Completed::new);
        });
  }

  /**
   * Reads the job and applies {@code decide} until it returns an outcome; an empty result means its
   * version-checked write lost a race, so it reads again.
   */
  private <T> T retrying(
      String userId,
      String jobId,
      java.util.function.Supplier<T> missing,
      Function<StoredItem, Optional<? extends T>> decide) {
    ItemKey key = key(userId, jobId);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<StoredItem> stored = table.get(key);
      if (stored.isEmpty()) {
        return missing.get();
      }
      Optional<? extends T> outcome = decide.apply(stored.get());
      if (outcome.isPresent()) {
        return outcome.get();
      }
    }
    throw new StorageFailure("too much contention on a job item", null);
  }

  /** The job after {@code update}, or empty when the item changed since it was read. */
  private Optional<Job> write(StoredItem stored, ItemUpdate update) {
    UpdateOutcome outcome = table.updateIfVersion(stored.key(), stored.version(), update);
    if (outcome instanceof Written written) {
      return Optional.of(read(new StoredItem(update.applyTo(stored.item()), written.version())));
    }
    return Optional.empty();
  }

  private static boolean heldBy(Job job, String workerId) {
    return job.status() == JobStatus.RUNNING && job.leaseOwner().equals(Optional.of(workerId));
  }

  private static void requirePositive(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("a lease must be positive");
    }
  }

  private static ItemKey key(String userId, String jobId) {
    return ItemKey.of(
        UserKeys.partition(userId), SORT_PREFIX + UserKeys.requireId("job id", jobId));
  }

  private static AttributeValue progress(JobProgress p) {
    Map<String, AttributeValue> counters = new LinkedHashMap<>();
    counters.put("listed", AttributeValue.of(p.listed()));
    counters.put("skipped", AttributeValue.of(p.skipped()));
    counters.put("written", AttributeValue.of(p.written()));
    counters.put("failed", AttributeValue.of(p.failed()));
    return AttributeValue.of(counters);
  }

  private static JobProgress progress(AttributeValue value) {
    if (!(value instanceof AttributeValue.MapValue map)) {
      throw new IllegalStateException("a stored job has an unexpected value in 'progress'");
    }
    Function<String, Long> counter =
        name -> map.values().get(name) instanceof AttributeValue.NumberValue n ? n.longValue() : 0L;
    return new JobProgress(
        counter.apply("listed"),
        counter.apply("skipped"),
        counter.apply("written"),
        counter.apply("failed"));
  }

  private static String reportJson(JobReport report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a job report", e);
    }
  }

  private static JobReport report(String json) {
    try {
      return MAPPER.readValue(json, JobReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored job has an unreadable report", e);
    }
  }

  private static Job read(StoredItem stored) {
    StoredAttributes a = new StoredAttributes(stored.item(), KIND);
    return new Job(
        a.string("jobId"),
        a.string("userId"),
        a.string("configId"),
        a.enumValue("trigger", JobTrigger.class),
        a.enumValue("status", JobStatus.class),
        a.optionalString("leaseOwner"),
        a.optionalInstant("leaseExpiresAt"),
        stored.item().attribute("progress").map(JobStore::progress).orElse(JobProgress.NONE),
        a.optionalString("report").map(JobStore::report),
        a.optionalString("failureReason"),
        a.optionalInstant("windowFrom").map(from -> new TimeWindow(from, a.instant("windowTo"))),
        a.instant("createdAt"),
        a.instant("updatedAt"),
        stored.version());
  }
}
