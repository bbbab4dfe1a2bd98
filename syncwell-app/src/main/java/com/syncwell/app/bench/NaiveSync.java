package com.syncwell.app.bench;

import com.syncwell.app.Platform;
import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Connector;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.IdempotencyKey;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RecordWriter;
import com.syncwell.connector.RefreshingCredentials;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.WriteOutcome;
import com.syncwell.connector.http.CallMeter;
import com.syncwell.domain.Fingerprint;
import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.RecordRef;
import com.syncwell.engine.store.AlreadyRecorded;
import com.syncwell.engine.store.BeginWriteOutcome;
import com.syncwell.engine.store.Connection;
import com.syncwell.engine.store.LedgerEntry;
import com.syncwell.engine.store.LedgerState;
import com.syncwell.engine.store.SyncConfig;
import com.syncwell.engine.store.WriteBegun;
import com.syncwell.engine.sync.ConnectorRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bench-only: the naive sync the engine is compared with. Lists the whole 30-day window of the
 * source (no cursor) and fetches EVERY payload in it (no metadata-first, no ledger skip before the
 * fetch); it still writes no duplicates: after fetching it compares against what is there (the
 * ledger the engine keeps of what reached the destination) and writes only what is missing, with
 * the same writer and idempotency key as the engine.
 */
final class NaiveSync {
  /** Calls, bytes and records of one naive sync. */
  record Outcome(long calls, long bytes, int fetched, int written) {}

  private static final Duration WINDOW = Duration.ofDays(30);

  private final Platform platform;
  private final ConnectorRegistry connectors;
  private final Clock clock;

  NaiveSync(Platform platform, ConnectorRegistry connectors, Clock clock) {
    this.platform = platform;
    this.connectors = connectors;
    this.clock = clock;
  }

  Outcome sync(SyncConfig config) {
    String user = config.userId();
    Connection sourceConnection =
        platform.connections().get(user, config.spec().sourceConnectionId()).orElseThrow();
    Connection destinationConnection =
        platform.connections().get(user, config.spec().destinationConnectionId()).orElseThrow();
    Connector from = connectors.forProvider(sourceConnection.provider()).orElseThrow();
    Connector to = connectors.forProvider(destinationConnection.provider()).orElseThrow();
    RecordReader reader = from.reader(config.spec().dataType()).orElseThrow();
    RecordWriter writer = to.writer(config.spec().dataType()).orElseThrow();
    CallMeter meter = new CallMeter();
    ProviderSession source = session(sourceConnection, from, meter);
    ProviderSession destination = session(destinationConnection, to, meter);

    Instant now = clock.instant();
    TimeWindow window = new TimeWindow(now.minus(WINDOW), now);
    Optional<Cursor> cursor = Optional.empty();
    int fetched = 0;
    int written = 0;
    ChangePage page;
    do {
      page = reader.listChanges(source, cursor, window);
      for (RecordRef ref : page.records()) {
        if (ref.provenanceMarker().isPresent()) {
          continue; // written by SyncWell: not a source record
        }
        HealthRecord record = reader.fetch(source, ref);
        fetched++;
        if (writeIfMissing(config, ref, record, writer, destination)) {
          written++;
        }
      }
      cursor = Optional.of(page.next());
    } while (page.more());
    return new Outcome(meter.calls(), meter.bytes(), fetched, written);
  }

  private boolean writeIfMissing(
      SyncConfig config,
      RecordRef ref,
      HealthRecord record,
      RecordWriter writer,
      ProviderSession destination) {
    String user = config.userId();
    Optional<LedgerEntry> there = platform.ledger().get(user, config.configId(), ref.recordId());
    if (there.isPresent() && there.get().state() != LedgerState.PENDING) {
      return false; // already at the destination (or given up on)
    }
    BeginWriteOutcome begun =
        platform.ledger().beginWrite(user, config.configId(), ref.recordId(), record.fingerprint());
    long version =
        switch (begun) {
          case WriteBegun b -> b.entry().version();
          case AlreadyRecorded a -> a.current().version();
        };
    WriteOutcome outcome =
        writer.write(destination, record, keyOf(config.configId(), ref.recordId()));
    String destinationId =
        switch (outcome) {
          case WriteOutcome.Created c -> c.recordId();
          case WriteOutcome.DuplicateFound d -> d.existingRecordId();
          case WriteOutcome.Rejected r -> null;
        };
    if (destinationId == null) {
      return false;
    }
    platform.ledger().markWritten(user, config.configId(), ref.recordId(), destinationId, version);
    return outcome instanceof WriteOutcome.Created;
  }

  /** The engine's key for this write (same formula as the engine's {@code WriteKeys}). */
  private static IdempotencyKey keyOf(String configId, String sourceItemId) {
    String hex = Fingerprint.of(configId + "\n" + sourceItemId).substring("sha256:".length());
    return new IdempotencyKey("sw1-" + hex.substring(0, 40));
  }

  private ProviderSession session(Connection connection, Connector connector, CallMeter meter) {
    return new ProviderSession(
        connection.connectionId(),
        new RefreshingCredentials(
            platform.connections().tokens(connection),
            connector.oauth(),
            platform.connections().tokenSink(connection.userId(), connection.connectionId()),
            clock),
        meter);
  }
}
