package com.syncwell.connector;

import com.syncwell.domain.HealthRecord;
import com.syncwell.domain.RecordRef;
import java.util.Optional;

/**
 * Reads one data type of one provider.
 *
 * <p><b>Listing</b> returns metadata only. Without a cursor it lists the records whose start lies
 * in {@code window}; with a cursor it continues from it (next page, or changes since the last
 * sync), still bounded by {@code window.to()}. Cursors never move backwards: a cursor returned
 * after another is never before it. Pages are finite and the listing always ends. A record may
 * appear again in a later listing (providers without a change feed are re-read over an overlap);
 * callers de-duplicate by id and fingerprint.
 *
 * <p><b>Fetching</b> returns one full record. A payload that cannot be parsed is {@link Permanent}
 * for that record only.
 *
 * <p>Both are idempotent reads; safe from any thread.
 */
public interface RecordReader {

  ChangePage listChanges(ProviderSession session, Optional<Cursor> cursor, TimeWindow window);

  HealthRecord fetch(ProviderSession session, RecordRef ref);
}
