package com.syncwell.engine.account;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything SyncWell keeps about one user, as one JSON document (schema version {@value
 * #SCHEMA_VERSION}): the shape {@code GET /v1/export-jobs/{id}} returns, assembled by {@link
 * GetExport}. Times are ISO-8601 UTC strings; members that do not apply are null (the API omits
 * them).
 *
 * <p>It never holds a provider token or secret, and no health values: SyncWell stores none ({@link
 * #healthData} says so in the document). A provider's id of the user ({@code providerUserId}) is
 * included: it is the user's own identifier, kept to route the provider's webhooks. Cursors are
 * listed without their opaque values.
 *
 * @param complete false when a section holds fewer entries than exist ({@link Section#truncated})
 * @param healthData where the user's health records are: at the providers, never at SyncWell
 * @param notes what the document leaves out and why, in plain words
 * @param profile the profile and settings; null when the user never had one
 * @param recordCounts every live item SyncWell keeps in the user's partition, by kind ({@code
 *     profile}, {@code connection}, {@code syncConfig}, {@code cursor}, {@code syncJob}, {@code
 *     ledgerEntry}, {@code exportRequest}, {@code idempotencyRecord}, {@code oauthStateNonce},
 *     {@code webhookCoalescingMarker}, {@code syncConfigRun}, {@code other})
 */
public record ExportDocument(
    int schemaVersion,
    String exportId,
    String generatedAt,
    boolean complete,
    String healthData,
    List<String> notes,
    ProfileRecord profile,
    List<ConnectionRecord> connections,
    List<SyncConfigRecord> syncConfigs,
    Section<SyncJobRecord> syncJobs,
    List<CursorRecord> cursors,
    Section<LedgerRecord> ledger,
    List<ExportRecord> exports,
    Map<String, Long> recordCounts) {
  public static final int SCHEMA_VERSION = 1;

  public static final String HEALTH_DATA =
      "SyncWell stores no health records (workouts, steps, sleep, weight, heart rate): they are"
          + " held by your providers, who can export them for you. SyncWell keeps only the"
          + " identifiers, times, fingerprints (hashes) and counts listed in this document.";

  public ExportDocument {
    Objects.requireNonNull(exportId, "exportId");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(healthData, "healthData");
    notes = List.copyOf(notes);
    connections = List.copyOf(connections);
    syncConfigs = List.copyOf(syncConfigs);
    Objects.requireNonNull(syncJobs, "syncJobs");
    cursors = List.copyOf(cursors);
    Objects.requireNonNull(ledger, "ledger");
    exports = List.copyOf(exports);
    recordCounts = Collections.unmodifiableMap(new TreeMap<>(recordCounts));
  }

  /**
   * A bounded list: at most {@code limit} of {@code total} entries.
   *
   * @param truncated true when {@code items} holds fewer than {@code total}
   */
  public record Section<T>(List<T> items, long total, int limit, boolean truncated) {
    public Section {
      items = List.copyOf(items);
    }
  }

  public record ProfileRecord(
      String userId,
      String tier,
      SettingsRecord settings,
      String createdAt,
      String updatedAt,
      String erasingSince) {}

  public record SettingsRecord(String defaultConflictStrategy, boolean notificationsEnabled) {}

  /** A connection without its tokens. */
  public record ConnectionRecord(
      String connectionId,
      String provider,
      String providerUserId,
      String status,
      String createdAt,
      String updatedAt) {}

  public record SyncConfigRecord(
      String syncConfigId,
      String sourceConnectionId,
      String destinationConnectionId,
      String dataType,
      String strategy,
      boolean enabled,
      String nextDueAt,
      String createdAt,
      String updatedAt) {}

  public record SyncJobRecord(
      String jobId,
      String syncConfigId,
      String trigger,
      String status,
      ProgressRecord progress,
      ReportRecord report,
      String failureReason,
      WindowRecord window,
      String createdAt,
      String updatedAt) {}

  public record ProgressRecord(long listed, long skipped, long written, long failed) {}

  public record ReportRecord(
      long listed,
      long duplicatesSkipped,
      long conflictsSourceWon,
      long conflictsDestinationWon,
      long hydrated,
      long written,
      long failed,
      List<FailureRecord> failures,
      long providerCalls,
      long providerBytes) {
    public ReportRecord {
      failures = List.copyOf(failures);
    }
  }

  public record FailureRecord(String sourceItemId, String reason) {}

  /** The span of record start times a historical job syncs again. */
  public record WindowRecord(String from, String to) {}

  /** That a cursor exists; its value, the provider's opaque position, is left out. */
  public record CursorRecord(
      String connectionId, String dataType, String syncConfigId, String updatedAt) {}

  /** One source record of a sync config and what became of it: ids and a fingerprint. */
  public record LedgerRecord(
      String syncConfigId,
      String sourceItemId,
      String destinationId,
      String state,
      String fingerprint,
      int failureCount,
      String lastFailureReason,
      String updatedAt) {}

  public record ExportRecord(String exportId, String requestedAt, String expiresAt) {}
}
