package com.syncwell.engine.account;

import static com.syncwell.engine.account.AccountBed.ALICE;
import static com.syncwell.engine.account.AccountBed.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.TimeWindow;
import com.syncwell.domain.DataType;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.CursorStore;
import com.syncwell.engine.store.ExportRequest;
import com.syncwell.engine.store.ExportStore;
import com.syncwell.engine.store.Job;
import com.syncwell.engine.store.JobReport;
import com.syncwell.engine.store.JobTrigger;
import com.syncwell.engine.store.LedgerEntry;
import com.syncwell.engine.store.RecordFailure;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.WriteBegun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RequestExport} and {@link GetExport} on SQLite: the document holds every kind of item the
 * user has and never a token or another user's data; another user's export is not found; requests
 * expire after 7 days; a section over its limit says so.
 */
class ExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private AccountBed bed;
  private Connection fitbit;
  private Connection strava;
  private SyncConfig config;
  private Job succeeded;

  @BeforeEach
  void open() {
    bed = new AccountBed(dir, AccountBed.scriptedFitbitAndStrava());
    bed.updateSettings()
        .update(ALICE, new SettingsChange(Optional.of("newest_wins"), Optional.of(false)));
    fitbit = bed.connect(ALICE, "fitbit", "fb-alice");
    strava = bed.connect(ALICE, "strava", "st-alice");
    config = bed.config(ALICE, fitbit, strava, DataType.WORKOUT);
    succeeded = bed.jobs.create(ALICE, config.configId(), JobTrigger.MANUAL);
    bed.jobs.claim(ALICE, succeeded.jobId(), "worker-1", Duration.ofMinutes(5));
    bed.jobs.succeed(
        ALICE,
        succeeded.jobId(),
        "worker-1",
        new JobReport(
            3, 1, 0, 0, 2, 1, 1, List.of(new RecordFailure("workout-3", "sport")), 7, 4096));
    bed.jobs.create(
        ALICE,
        config.configId(),
        JobTrigger.MANUAL,
        Optional.of(
            new TimeWindow(
                Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2025-12-02T00:00:00Z"))));
    bed.cursors.advance(
        ALICE,
        fitbit.connectionId(),
        DataType.WORKOUT,
        config.configId(),
        new Cursor("opaque-cursor-value"),
        CursorStore.NO_CURSOR);
    LedgerEntry begun =
        ((WriteBegun) bed.ledger.beginWrite(ALICE, config.configId(), "workout-1", "fp-1")).entry();
    bed.ledger.markWritten(ALICE, config.configId(), "workout-1", "strava-99", begun.version());
    bed.ledger.recordFailure(ALICE, config.configId(), "workout-3", "fp-3", "sport");
    bed.idempotency.begin(ALICE, "key-1", "b".repeat(64));
    bed.nonces.recordFirstUse(ALICE, "nonce-1", bed.clock.instant().plus(Duration.ofMinutes(10)));

    Connection bobs = bed.connect(BOB, "strava", "st-bob");
    bed.ledger.beginWrite(BOB, "cfg_bob", "bob-workout", "fp-bob");
    bed.profiles.getOrCreate(BOB);
    bed.jobs.create(BOB, "cfg_bob", JobTrigger.MANUAL);
    assertThat(bobs.userId()).isEqualTo(BOB);
  }

  @AfterEach
  void close() {
    bed.close();
  }

  private ExportRequest request(String user) {
    return ((ExportRequested) bed.requestExport().request(user)).export();
  }

  private ExportDocument document(String user, String exportId) {
    return ((ExportFound) bed.getExport().get(user, exportId)).document();
  }

  @Test
  void an_export_is_ready_at_once_and_holds_every_kind_of_item_the_user_has() throws Exception {
    ExportRequest export = request(ALICE);
    assertThat(export.exportId()).startsWith("exp_");
    assertThat(export.expiresAt()).isEqualTo(export.requestedAt().plus(Duration.ofDays(7)));

    ExportDocument doc = document(ALICE, export.exportId());
    JsonNode json = JSON.valueToTree(doc);

    assertThat(doc.schemaVersion()).isEqualTo(1);
    assertThat(doc.complete()).isTrue();
    assertThat(doc.healthData()).contains("stores no health records").contains("providers");
    assertThat(json.at("/profile/userId").asText()).isEqualTo(ALICE);
    assertThat(json.at("/profile/settings/defaultConflictStrategy").asText())
        .isEqualTo("newest_wins");
    assertThat(json.at("/profile/settings/notificationsEnabled").asBoolean()).isFalse();
    assertThat(doc.connections())
        .extracting(ExportDocument.ConnectionRecord::providerUserId)
        .containsExactlyInAnyOrder("fb-alice", "st-alice");
    assertThat(doc.connections()).allMatch(c -> c.status().equals("ACTIVE"));
    assertThat(doc.syncConfigs())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.syncConfigId()).isEqualTo(config.configId());
              assertThat(c.dataType()).isEqualTo("workout");
              assertThat(c.sourceConnectionId()).isEqualTo(fitbit.connectionId());
            });
    assertThat(doc.syncJobs().items()).hasSize(2);
    assertThat(doc.syncJobs().truncated()).isFalse();
    ExportDocument.SyncJobRecord done =
        doc.syncJobs().items().stream()
            .filter(j -> j.jobId().equals(succeeded.jobId()))
            .findFirst()
            .orElseThrow();
    assertThat(done.status()).isEqualTo("SUCCEEDED");
    assertThat(done.report().providerCalls()).isEqualTo(7);
    assertThat(done.report().failures())
        .containsExactly(new ExportDocument.FailureRecord("workout-3", "sport"));
    assertThat(doc.syncJobs().items())
        .extracting(j -> j.window() == null ? "none" : j.window().from())
        .containsExactlyInAnyOrder("none", "2025-12-01T00:00:00Z");
    assertThat(doc.cursors())
        .containsExactly(
            new ExportDocument.CursorRecord(
                fitbit.connectionId(),
                "workout",
                config.configId(),
                bed.clock.instant().toString()));
    assertThat(json.toString()).doesNotContain("opaque-cursor-value");
    assertThat(doc.ledger().items())
        .extracting(
            ExportDocument.LedgerRecord::sourceItemId,
            ExportDocument.LedgerRecord::state,
            ExportDocument.LedgerRecord::destinationId,
            ExportDocument.LedgerRecord::failureCount,
            ExportDocument.LedgerRecord::lastFailureReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("workout-1", "WRITTEN", "strava-99", 0, null),
            org.assertj.core.groups.Tuple.tuple("workout-3", "PENDING", null, 1, "sport"));
    assertThat(doc.ledger().items()).extracting(e -> e.fingerprint()).contains("fp-1", "fp-3");
    assertThat(doc.exports())
        .extracting(ExportDocument.ExportRecord::exportId)
        .containsExactly(export.exportId());
    assertThat(doc.recordCounts())
        .containsEntry("profile", 1L)
        .containsEntry("connection", 2L)
        .containsEntry("syncConfig", 1L)
        .containsEntry("syncJob", 2L)
        .containsEntry("cursor", 1L)
        .containsEntry("ledgerEntry", 2L)
        .containsEntry("exportRequest", 1L)
        .containsEntry("idempotencyRecord", 1L)
        .containsEntry("oauthStateNonce", 1L);
  }

  @Test
  void the_document_never_holds_a_token_a_secret_or_another_users_data() throws Exception {
    String text =
        JSON.writeValueAsString(document(ALICE, request(ALICE).exportId()))
            .toLowerCase(java.util.Locale.ROOT);

    for (Connection c : List.of(fitbit, strava)) {
      byte[] sealed = c.tokens().ciphertext();
      assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(sealed).toLowerCase());
      assertThat(text).doesNotContain(Base64.getUrlEncoder().encodeToString(sealed).toLowerCase());
      assertThat(text).doesNotContain(HexFormat.of().formatHex(sealed));
    }
    assertThat(text)
        .doesNotContain("at-fb-alice")
        .doesNotContain("rt-fb-alice")
        .doesNotContain("at-st-alice")
        .doesNotContain("rt-st-alice")
        .doesNotContain("token\"")
        .doesNotContain("secret\"")
        .doesNotContain(BOB.toLowerCase())
        .doesNotContain("bob");
  }

  @Test
  void another_users_export_a_missing_one_and_a_malformed_id_are_not_found() {
    ExportRequest alices = request(ALICE);

    assertThat(bed.getExport().get(BOB, alices.exportId()))
        .isEqualTo(new ExportNotFound(alices.exportId()));
    assertThat(bed.getExport().get(ALICE, "exp_missing"))
        .isEqualTo(new ExportNotFound("exp_missing"));
    for (String bad : new String[] {null, "", "a#b", "x".repeat(129)}) {
      assertThat(bed.getExport().get(ALICE, bad)).isInstanceOf(ExportNotFound.class);
    }
    assertThat(new ExportNotFound("x").code()).isEqualTo("export_not_found");
    assertThat(bed.getExport().get(ALICE, alices.exportId())).isInstanceOf(ExportFound.class);
  }

  @Test
  void an_export_request_expires_seven_days_after_it_was_made() {
    ExportRequest export = request(ALICE);

    bed.clock.advance(ExportStore.RETENTION.minusMillis(1));
    assertThat(bed.getExport().get(ALICE, export.exportId())).isInstanceOf(ExportFound.class);
    bed.clock.advance(Duration.ofMillis(1));
    assertThat(bed.getExport().get(ALICE, export.exportId()))
        .isEqualTo(new ExportNotFound(export.exportId()));
  }

  @Test
  void the_document_is_assembled_when_read_so_it_shows_what_changed_since_the_request() {
    ExportRequest export = request(ALICE);
    bed.deleteConnection().delete(ALICE, strava.connectionId());
    bed.clock.advance(Duration.ofHours(1));

    ExportDocument doc = document(ALICE, export.exportId());

    assertThat(doc.generatedAt()).isEqualTo(bed.clock.instant().toString());
    assertThat(doc.connections())
        .extracting(c -> c.connectionId())
        .containsExactly(fitbit.connectionId());
    assertThat(doc.syncConfigs()).isEmpty();
    assertThat(doc.ledger().items()).hasSize(2);
  }

  @Test
  void sections_over_their_limit_say_so_and_the_document_is_not_complete() {
    for (int i = 0; i < 30; i++) {
      bed.ledger.beginWrite(ALICE, config.configId(), "extra-" + i, "fp-" + i);
    }
    GetExport small =
        new GetExport(
            bed.exports,
            bed.profiles,
            bed.connections,
            bed.configs,
            bed.jobs,
            bed.cursors,
            bed.ledger,
            bed.partition,
            bed.clock,
            1,
            10);

    ExportDocument doc = ((ExportFound) small.get(ALICE, request(ALICE).exportId())).document();

    assertThat(doc.complete()).isFalse();
    assertThat(doc.ledger().items()).hasSize(10);
    assertThat(doc.ledger().total()).isEqualTo(32);
    assertThat(doc.ledger().limit()).isEqualTo(10);
    assertThat(doc.ledger().truncated()).isTrue();
    assertThat(doc.syncJobs().items()).hasSize(1);
    assertThat(doc.syncJobs().total()).isEqualTo(2);
    assertThat(doc.syncJobs().truncated()).isTrue();
    assertThat(doc.notes())
        .anyMatch(n -> n.contains("10 of 32"))
        .anyMatch(n -> n.contains("1 of 2"));
  }

  @Test
  void no_export_can_be_requested_while_the_account_is_being_erased() {
    bed.profiles.markBeingErased(ALICE);

    assertThat(bed.requestExport().request(ALICE)).isEqualTo(new AccountBeingErased());
    assertThat(bed.exports.listByUser(ALICE)).isEmpty();
  }

  @Test
  void an_account_erasure_takes_the_export_requests_with_it() {
    ExportRequest export = request(ALICE);

    bed.deleteAccount().erase(ALICE);

    assertThat(bed.getExport().get(ALICE, export.exportId()))
        .isEqualTo(new ExportNotFound(export.exportId()));
  }
}
