package com.syncwell.engine.account;

import com.syncwell.engine.account.ExportDocument.ConnectionRecord;
import com.syncwell.engine.account.ExportDocument.CursorRecord;
import com.syncwell.engine.account.ExportDocument.ExportRecord;
import com.syncwell.engine.account.ExportDocument.FailureRecord;
import com.syncwell.engine.account.ExportDocument.LedgerRecord;
import com.syncwell.engine.account.ExportDocument.ProfileRecord;
import com.syncwell.engine.account.ExportDocument.ProgressRecord;
import com.syncwell.engine.account.ExportDocument.ReportRecord;
import com.syncwell.engine.account.ExportDocument.Section;
import com.syncwell.engine.account.ExportDocument.SettingsRecord;
import com.syncwell.engine.account.ExportDocument.SyncConfigRecord;
import com.syncwell.engine.account.ExportDocument.SyncJobRecord;
import com.syncwell.engine.account.ExportDocument.WindowRecord;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.ConnectionStore;
import com.syncwell.engine.store.CursorStore;
import com.syncwell.engine.store.ExportRequest;
import com.syncwell.engine.store.ExportStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobStore;
import com.syncwell.engine.store.LedgerEntry;
import com.syncwell.engine.store.LedgerStore;
import com.syncwell.engine.store.Profile;
import com.syncwell.engine.store.ProfileStore;
import com.syncwell.engine.store.ResultPage;
import com.syncwell.engine.store.StoredCursor;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.SyncConfigStore;
import com.syncwell.engine.store.UserPartition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /v1/export-jobs/{id}}: the caller's export request and its {@link ExportDocument},
 * assembled from the table at the time of the read (so nothing but the request is stored, and the
 * document is as current as the read). Another user's export, an unknown or malformed id and an
 * expired request are all {@link ExportNotFound}.
 *
 * <p><b>Bounds.</b> Jobs (kept 30 days) are the newest {@link #DEFAULT_MAX_JOBS}; ledger entries
 * are read page by page up to {@link #DEFAULT_MAX_LEDGER_ENTRIES}. A section that holds fewer
 * entries than exist says so ({@code truncated}, {@code total}), a note explains it and the
 * document's {@code complete} is false: nothing is cut silently. Every other section is small by
 * nature (a few connections and configs).
 *
 * <p><b>Cost:</b> one pass over the partition to count items, plus one read of each section. Read
 * only; safe for concurrent use.
 */
public final class GetExport {
  public static final int DEFAULT_MAX_JOBS = 1_000;
  public static final int DEFAULT_MAX_LEDGER_ENTRIES = 10_000;

  private static final int PAGE = 500;

  private final ExportStore exports;
  private final ProfileStore profiles;
  private final ConnectionStore connections;
  private final SyncConfigStore configs;
  private final JobStore jobs;
  private final CursorStore cursors;
  private final LedgerStore ledger;
  private final UserPartition partition;
  private final Clock clock;
  private final int maxJobs;
  private final int maxLedgerEntries;

  public GetExport(
      ExportStore exports,
      ProfileStore profiles,
      ConnectionStore connections,
      SyncConfigStore configs,
      JobStore jobs,
      CursorStore cursors,
      LedgerStore ledger,
      UserPartition partition,
      Clock clock) {
    this(
        exports,
        profiles,
        connections,
        configs,
        jobs,
        cursors,
        ledger,
        partition,
        clock,
        DEFAULT_MAX_JOBS,
        DEFAULT_MAX_LEDGER_ENTRIES);
  }

  GetExport(
      ExportStore exports,
      ProfileStore profiles,
      ConnectionStore connections,
      SyncConfigStore configs,
      JobStore jobs,
      CursorStore cursors,
      LedgerStore ledger,
      UserPartition partition,
      Clock clock,
      int maxJobs,
      int maxLedgerEntries) {
    this.exports = Objects.requireNonNull(exports, "exports");
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.cursors = Objects.requireNonNull(cursors, "cursors");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.partition = Objects.requireNonNull(partition, "partition");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxJobs < 1 || maxLedgerEntries < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxJobs = maxJobs;
    this.maxLedgerEntries = maxLedgerEntries;
  }

  /**
   * @param userId the caller, from the token
   * @param exportId as received; a malformed one is not found
   */
  public GetExportOutcome get(String userId, String exportId) {
    if (!FieldRules.isId(userId)) {
      throw new IllegalArgumentException("not a user id");
    }
    if (!FieldRules.isId(exportId)) {
      return new ExportNotFound(exportId);
    }
    Optional<ExportRequest> found = exports.get(userId, exportId);
    if (found.isEmpty()) {
      return new ExportNotFound(exportId);
    }
    return new ExportFound(found.get(), assemble(userId, exportId));
  }

  private ExportDocument assemble(String userId, String exportId) {
    Instant generatedAt = clock.instant();
    Map<String, Long> counts = partition.countByKind(userId);
    Section<SyncJobRecord> jobSection =
        bounded(
            token -> jobs.listByUser(userId, Math.min(PAGE, maxJobs), token),
            GetExport::job,
            maxJobs,
            counts.getOrDefault("syncJob", 0L));
    Section<LedgerRecord> ledgerSection =
        bounded(
            token -> ledger.listByUser(userId, Math.min(PAGE, maxLedgerEntries), token),
            GetExport::ledgerEntry,
            maxLedgerEntries,
            counts.getOrDefault("ledgerEntry", 0L));
    List<String> notes = new ArrayList<>();
    notes.add(
        "Provider tokens are kept encrypted so that SyncWell can act for you; they are never"
            + " exported.");
    notes.add(
        "Cursors are listed without their values: a value is a provider's opaque position in"
            + " your data (a time or a page token), not information about you.");
    notes.add(
        "recordCounts counts every item SyncWell keeps for your account, including short-lived"
            + " technical records not listed one by one: idempotency records (kept 24 hours),"
            + " OAuth state nonces (10 minutes) and webhook coalescing markers (1 minute).");
    notes.add("Sync jobs are kept 30 days, export requests 7 days.");
    if (jobSection.truncated()) {
      notes.add(
          "syncJobs holds the newest "
              + jobSection.items().size()
              + " of "
              + jobSection.total()
              + " jobs; GET /v1/sync-jobs lists them all.");
    }
    if (ledgerSection.truncated()) {
      notes.add(
          "ledger holds "
              + ledgerSection.items().size()
              + " of "
              + ledgerSection.total()
              + " entries, the most one export holds; contact support for the rest.");
    }
    return new ExportDocument(
        ExportDocument.SCHEMA_VERSION,
        exportId,
        generatedAt.toString(),
        !jobSection.truncated() && !ledgerSection.truncated(),
        ExportDocument.HEALTH_DATA,
        notes,
        profiles.get(userId).map(GetExport::profile).orElse(null),
        connections.listByUser(userId).stream().map(GetExport::connection).toList(),
        configs.listByUser(userId).stream().map(GetExport::config).toList(),
        jobSection,
        cursors.listByUser(userId).stream().map(GetExport::cursor).toList(),
        ledgerSection,
        exports.listByUser(userId).stream().map(GetExport::export).toList(),
        counts);
  }

  /**
   * Reads pages until {@code limit} entries or the end. {@code total} is the count of the partition
   * pass at the start, or what was read when more arrived since.
   */
  private static <S, T> Section<T> bounded(
      Function<Optional<String>, ResultPage<S>> pages,
      Function<S, T> view,
      int limit,
      long counted) {
    List<T> items = new ArrayList<>();
    Optional<String> token = Optional.empty();
    do {
      ResultPage<S> page = pages.apply(token);
      for (S s : page.items()) {
        if (items.size() < limit) {
          items.add(view.apply(s));
        }
      }
      token = page.nextPageToken();
    } while (token.isPresent() && items.size() < limit);
    long total = Math.max(counted, items.size());
    return new Section<>(items, total, limit, items.size() < total);
  }

  private static ProfileRecord profile(Profile p) {
    return new ProfileRecord(
        p.userId(),
        p.tier().name(),
        new SettingsRecord(
            p.settings().defaultConflictStrategy().wireName(), p.settings().notificationsEnabled()),
        p.createdAt().toString(),
        p.updatedAt().toString(),
        p.erasingSince().map(Instant::toString).orElse(null));
  }

  private static ConnectionRecord connection(Connection c) {
    return new ConnectionRecord(
        c.connectionId(),
        c.provider(),
        c.providerUserId(),
        c.status().name(),
        c.createdAt().toString(),
        c.updatedAt().toString());
  }

  private static SyncConfigRecord config(SyncConfig c) {
    return new SyncConfigRecord(
        c.configId(),
        c.spec().sourceConnectionId(),
        c.spec().destinationConnectionId(),
        c.spec().dataType().wireName(),
        c.spec().strategy().wireName(),
        c.spec().enabled(),
        c.spec().nextDueAt().map(Instant::toString).orElse(null),
        c.createdAt().toString(),
        c.updatedAt().toString());
  }

  private static SyncJobRecord job(Job j) {
    return new SyncJobRecord(
        j.jobId(),
        j.configId(),
        j.trigger().name(),
        j.status().name(),
        new ProgressRecord(
            j.progress().listed(),
            j.progress().skipped(),
            j.progress().written(),
            j.progress().failed()),
        j.report().map(GetExport::report).orElse(null),
        j.failureReason().orElse(null),
        j.window().map(w -> new WindowRecord(w.from().toString(), w.to().toString())).orElse(null),
        j.createdAt().toString(),
        j.updatedAt().toString());
  }

  private static ReportRecord report(JobReport r) {
    return new ReportRecord(
        r.listed(),
        r.duplicatesSkipped(),
        r.conflictsSourceWon(),
        r.conflictsDestinationWon(),
        r.hydrated(),
        r.written(),
        r.failed(),
        r.failures().stream().map(f -> new FailureRecord(f.sourceItemId(), f.reason())).toList(),
        r.providerCalls(),
        r.providerBytes());
  }

  private static CursorRecord cursor(StoredCursor c) {
    return new CursorRecord(
        c.connectionId(), c.dataType().wireName(), c.configId(), c.updatedAt().toString());
  }

  private static LedgerRecord ledgerEntry(LedgerEntry e) {
    return new LedgerRecord(
        e.configId(),
        e.sourceItemId(),
        e.destinationId().orElse(null),
        e.state().name(),
        e.fingerprint(),
        e.failureCount(),
        e.lastReason().orElse(null),
        e.updatedAt().toString());
  }

  private static ExportRecord export(ExportRequest r) {
    return new ExportRecord(r.exportId(), r.requestedAt().toString(), r.expiresAt().toString());
  }
}
