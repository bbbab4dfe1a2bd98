package com.syncwell.engine.sync;

import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.IdempotencyKey;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderException;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.WriteOutcome;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.matching.ConflictDecision;
import com.syncwell.domain.matching.ConflictResolver;
import com.syncwell.domain.matching.KeepDestination;
import com.syncwell.domain.matching.RecordMatcher;
import com.syncwell.domain.matching.ReplaceDestination;
import com.syncwell.domain.matching.SkipDuplicate;
import com.syncwell.domain.matching.WriteSource;
import com.syncwell.engine.port.table.UpdateOutcome;
import com.syncwell.engine.port.table.Written;
import com.syncwell.engine.store.AlreadyRecorded;
import com.syncwell.engine.store.BeginWriteOutcome;
import com.syncwell.engine.store.ConfigRun;
import com.syncwell.engine.store.ConfigRunStore;
import com.syncwell.engine.store.CursorStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.LeaseExtended;
import com.syncwell.engine.store.LedgerEntry;
import com.syncwell.engine.store.LedgerState;
import com.syncwell.engine.store.LedgerStore;
import com.syncwell.engine.store.StoredCursor;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.WriteBegun;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one sync config, steps 4 to 9 of ARCHITECTURE.md §8, once the job is claimed and both
 * sessions are open ({@link RunSyncJob} does the rest). Not shared: one object per run.
 *
 * <p>The source is listed to the end first (metadata only), page by page, remembering each page's
 * cursor. Records are then handled in listing order; the stored cursor moves to the cursor of the
 * last page whose records are all handled — written, skipped, or failed with the failure counted in
 * the ledger — at the end of the run, or when a provider error stops it midway (so a rate limit or
 * a transient error keeps what was done, and the next run starts after it).
 */
final class SyncPass {
  private static final Logger LOG = LoggerFactory.getLogger(SyncPass.class);

  /** Which connection a provider call acts for (to mark the right one on a revoked grant). */
  enum Side {
    SOURCE,
    DESTINATION
  }

  /** One listed page: its records and the cursor after it. */
  private record Listed(List<RecordRef> records, Cursor next) {}

  private final JobStore jobs;
  private final ConfigRunStore configRuns;
  private ConfigRun configRun;
  private final CursorStore cursors;
  private final LedgerStore ledger;
  private final Clock clock;
  private final SyncSettings settings;
  private final Job job;
  private final String workerId;
  private final SyncConfig config;
  private final RecordReader sourceReader;
  private final RecordReader destinationReader;
  private final RecordWriter writer;
  private final ProviderSession source;
  private final ProviderSession destination;
  private final RecordMatcher matcher;
  private final ConflictResolver resolver;
  private final RunTally tally = new RunTally();

  private Side side = Side.SOURCE;
  private Instant lastHeartbeat;

  SyncPass(
      RunSyncJob.Stores stores,
      Clock clock,
      SyncSettings settings,
      Job job,
      String workerId,
      SyncConfig config,
      RecordReader sourceReader,
      RecordReader destinationReader,
      RecordWriter writer,
      ProviderSession source,
      ProviderSession destination,
      ConfigRun configRun) {
    this.jobs = stores.jobs();
    this.configRuns = stores.configRuns();
    this.configRun = configRun;
    this.cursors = stores.cursors();
    this.ledger = stores.ledger();
    this.clock = clock;
    this.settings = settings;
    this.job = job;
    this.workerId = workerId;
    this.config = config;
    this.sourceReader = sourceReader;
    this.destinationReader = destinationReader;
    this.writer = writer;
    this.source = source;
    this.destination = destination;
    this.matcher = new RecordMatcher(settings.matchRules());
    this.resolver = new ConflictResolver(config.spec().strategy());
    this.lastHeartbeat = clock.instant();
  }

  RunTally tally() {
    return tally;
  }

  /** The side of the provider call in progress (or last made). */
  Side side() {
    return side;
  }

  List<ProviderSession> sessions() {
    return List.of(source, destination);
  }

  /**
   * Lists, decides, hydrates, writes and advances the cursor. Provider errors propagate (after the
   * cursor moved over what was handled); so does {@link LeaseGone}.
   */
  void run() {
    String user = config.userId();
    String sourceConnection = config.spec().sourceConnectionId();
    Optional<StoredCursor> stored =
        cursors.get(user, sourceConnection, config.spec().dataType(), config.configId());
    long cursorVersion = stored.map(StoredCursor::version).orElse(CursorStore.NO_CURSOR);

    // Step 4: the source, from the stored cursor (first run: the lookback window), to the end. A
    // historical job lists its own window from the start and leaves the cursor where it is.
    Instant now = clock.instant();
    boolean historical = job.window().isPresent();
    TimeWindow window =
        job.window().orElseGet(() -> new TimeWindow(now.minus(settings.firstRunLookback()), now));
    List<Listed> pages =
        listSource(historical ? Optional.empty() : stored.map(StoredCursor::cursor), window);

    // The ledger entry of every listed record; which records still need the matcher.
    Map<String, Optional<LedgerEntry>> entries = new HashMap<>();
    List<RecordRef> undecided = new ArrayList<>();
    for (Listed page : pages) {
      for (RecordRef ref : page.records()) {
        Optional<LedgerEntry> entry = ledger.get(user, config.configId(), ref.recordId());
        entries.put(ref.recordId(), entry);
        boolean settled =
            entry.map(e -> e.state() != LedgerState.PENDING).orElse(false)
                || ref.provenanceMarker().isPresent();
        if (!settled) {
          undecided.add(ref);
        }
      }
    }
    heartbeat(false);

    // Step 5: the destination over the span of the undecided records, only when there are any.
    List<RecordRef> destinationRefs =
        undecided.isEmpty() ? List.of() : listDestination(coveredWindow(undecided));

    // Steps 6-8, in listing order; the cursor follows the fully handled pages.
    int handledPages = 0;
    try {
      for (Listed page : pages) {
        for (RecordRef ref : page.records()) {
          handle(ref, entries.get(ref.recordId()), destinationRefs);
          heartbeat(false);
        }
        handledPages++;
      }
    } catch (ProviderException stopped) {
      if (handledPages > 0 && !historical) {
        advance(pages.get(handledPages - 1).next(), cursorVersion, "stopped midway");
      }
      throw stopped;
    }
    // Step 9.
    if (!historical) {
      advance(pages.getLast().next(), cursorVersion, "done");
    }
    LOG.info("sync job {} of config {}: {}", job.jobId(), config.configId(), tally);
  }

  private List<Listed> listSource(Optional<Cursor> from, TimeWindow window) {
    side = Side.SOURCE;
    List<Listed> pages = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Optional<Cursor> cursor = from;
    while (true) {
      ChangePage page = sourceReader.listChanges(source, cursor, window);
      List<RecordRef> fresh = new ArrayList<>();
      for (RecordRef ref : page.records()) {
        if (seen.add(ref.recordId())) {
          fresh.add(ref);
        }
      }
      tally.listed += fresh.size();
      pages.add(new Listed(fresh, page.next()));
      if (!page.more()) {
        return pages;
      }
      cursor = Optional.of(page.next());
      heartbeat(false);
    }
  }

  private TimeWindow coveredWindow(List<RecordRef> refs) {
    Instant from = refs.getFirst().start().toInstant();
    Instant to = refs.getFirst().end().toInstant();
    for (RecordRef ref : refs) {
      Instant start = ref.start().toInstant();
      Instant end = ref.end().toInstant();
      from = start.isBefore(from) ? start : from;
      to = end.isAfter(to) ? end : to;
    }
    return new TimeWindow(
        from.minus(settings.destinationMargin()), to.plus(settings.destinationMargin()));
  }

  private List<RecordRef> listDestination(TimeWindow window) {
    side = Side.DESTINATION;
    List<RecordRef> refs = new ArrayList<>();
    Optional<Cursor> cursor = Optional.empty();
    while (true) {
      ChangePage page = destinationReader.listChanges(destination, cursor, window);
      refs.addAll(page.records());
      if (!page.more()) {
        return refs;
      }
      cursor = Optional.of(page.next());
      heartbeat(false);
    }
  }

  /** Step 6 for one source record, then steps 7 and 8 when it is to be written. */
  private void handle(RecordRef ref, Optional<LedgerEntry> entry, List<RecordRef> destinationRefs) {
    if (entry.isPresent() && entry.get().state() == LedgerState.WRITTEN) {
      tally.alreadySynced++;
      return;
    }
    if (entry.isPresent() && entry.get().state() == LedgerState.BLOCKED) {
      tally.blocked++;
      tally.fail(ref.recordId(), blockedReason(entry.get()));
      return;
    }
    if (ref.provenanceMarker().isPresent()) {
      tally.echoesSkipped++; // SyncWell wrote it: never echo it back
      return;
    }
    IdempotencyKey key = WriteKeys.of(config.configId(), ref.recordId());
    if (entry.isPresent()) {
      // PENDING: an earlier attempt may have reached the destination. Our marker says so.
      Optional<RecordRef> ours =
          destinationRefs.stream()
              .filter(d -> WriteKeys.names(d.provenanceMarker(), key))
              .findFirst();
      if (ours.isPresent()) {
        markWritten(ref, entry.get().version(), ours.get().recordId());
        tally.written++;
        return;
      }
    }
    ConflictDecision decision = resolver.decide(ref, matcher.match(ref, destinationRefs));
    switch (decision) {
      case SkipDuplicate duplicate -> {
        recordDuplicate(ref, duplicate.match().destination().recordId());
        tally.duplicatesSkipped++;
      }
      case KeepDestination kept -> tally.conflictsDestinationWon++;
      case ReplaceDestination replace -> {
        // Writers only create: the source record is written beside the destination's.
        tally.conflictsSourceWon++;
        write(ref, key, destinationRefs);
      }
      case WriteSource create -> write(ref, key, destinationRefs);
    }
  }

  /** The duplicate's mapping, WRITTEN, so later runs skip the record without matching it. */
  private void recordDuplicate(RecordRef ref, String destinationId) {
    BeginWriteOutcome begun =
        ledger.beginWrite(
            config.userId(), config.configId(), ref.recordId(), WriteKeys.refFingerprint(ref));
    long version =
        switch (begun) {
          case WriteBegun b -> b.entry().version();
          case AlreadyRecorded a -> a.current().version();
        };
    if (begun instanceof AlreadyRecorded a && a.current().state() != LedgerState.PENDING) {
      return;
    }
    markWritten(ref, version, destinationId);
  }

  /** Steps 7 and 8: hydrate, ledger PENDING, write with the key, ledger WRITTEN. */
  private void write(RecordRef ref, IdempotencyKey key, List<RecordRef> destinationRefs) {
    String user = config.userId();
    HealthRecord record;
    side = Side.SOURCE;
    try {
      record = sourceReader.fetch(source, ref);
    } catch (Permanent unreadable) {
      failed(ref, WriteKeys.refFingerprint(ref), "the source record cannot be read: ", unreadable);
      return;
    }
    tally.hydrated++;
    String fingerprint = record.fingerprint();
    long version;
    switch (ledger.beginWrite(user, config.configId(), ref.recordId(), fingerprint)) {
      case WriteBegun begun -> version = begun.entry().version();
      case AlreadyRecorded recorded -> {
        LedgerEntry current = recorded.current();
        if (current.state() == LedgerState.WRITTEN) {
          tally.alreadySynced++;
          return;
        }
        if (current.state() == LedgerState.BLOCKED) {
          tally.blocked++;
          tally.fail(ref.recordId(), blockedReason(current));
          return;
        }
        Optional<RecordRef> ours =
            destinationRefs.stream()
                .filter(d -> WriteKeys.names(d.provenanceMarker(), key))
                .findFirst();
        if (ours.isPresent()) {
          markWritten(ref, current.version(), ours.get().recordId());
          tally.written++;
          return;
        }
        version = current.version();
      }
    }
    side = Side.DESTINATION;
    WriteOutcome outcome;
    try {
      outcome = writer.write(destination, record, key);
    } catch (Permanent refused) {
      failed(ref, fingerprint, "the destination refused the record: ", refused);
      return;
    }
    switch (outcome) {
      case WriteOutcome.Created created -> {
        markWritten(ref, version, created.recordId());
        tally.written++;
      }
      case WriteOutcome.DuplicateFound duplicate -> {
        markWritten(ref, version, duplicate.existingRecordId());
        tally.duplicatesSkipped++;
      }
      case WriteOutcome.Rejected rejected -> {
        LedgerEntry now =
            ledger.recordFailure(
                user, config.configId(), ref.recordId(), fingerprint, rejected.reason());
        tally.fail(ref.recordId(), failureReason(now, rejected.reason()));
      }
    }
  }

  private void failed(RecordRef ref, String fingerprint, String what, Permanent cause) {
    String reason = what + cause.getMessage();
    LedgerEntry now =
        ledger.recordFailure(
            config.userId(), config.configId(), ref.recordId(), fingerprint, reason);
    tally.fail(ref.recordId(), failureReason(now, reason));
  }

  private void markWritten(RecordRef ref, long version, String destinationId) {
    UpdateOutcome marked =
        ledger.markWritten(
            config.userId(), config.configId(), ref.recordId(), destinationId, version);
    if (!(marked instanceof Written)) {
      // Another run changed the entry meanwhile; the destination has the record either way, and
      // the next run reads the entry afresh.
      LOG.warn("sync job {}: a ledger entry changed while this run wrote it", job.jobId());
    }
  }

  private void advance(Cursor next, long expectedVersion, String when) {
    UpdateOutcome moved =
        cursors.advance(
            config.userId(),
            config.spec().sourceConnectionId(),
            config.spec().dataType(),
            config.configId(),
            next,
            expectedVersion);
    if (!(moved instanceof Written)) {
      LOG.warn(
          "sync job {} ({}): the cursor moved under this run; left as the other run set it",
          job.jobId(),
          when);
    }
  }

  /** Extends the lease (with progress) once half of it has passed, or when {@code force}d. */
  void heartbeat(boolean force) {
    Instant now = clock.instant();
    if (!force && now.isBefore(lastHeartbeat.plus(settings.lease().dividedBy(2)))) {
      return;
    }
    if (!(jobs.extendLease(
            config.userId(), job.jobId(), workerId, settings.lease(), tally.progress())
        instanceof LeaseExtended)) {
      throw new LeaseGone();
    }
    configRun = configRuns.extend(configRun, settings.lease()).orElseThrow(LeaseGone::new);
    lastHeartbeat = now;
  }

  private static String blockedReason(LedgerEntry entry) {
    return "blocked after "
        + LedgerStore.MAX_FAILURES
        + " failures: "
        + entry.lastReason().orElse("no reason kept");
  }

  private static String failureReason(LedgerEntry entry, String reason) {
    return entry.state() == LedgerState.BLOCKED
        ? "blocked after " + LedgerStore.MAX_FAILURES + " failures: " + reason
        : reason;
  }

  /**
   * The job is no longer this worker's (its lease ran out and another claimed it, or cancelled).
   */
  static final class LeaseGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LeaseGone() {
      super("the job's lease was lost", null, false, false);
    }
  }
}
