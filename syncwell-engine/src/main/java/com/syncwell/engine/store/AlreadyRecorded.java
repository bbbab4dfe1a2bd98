package com.syncwell.engine.store;

/**
 * An entry for that source record exists; nothing was written. By its state: PENDING — an earlier
 * write may have reached the destination, look for the marker before writing again; WRITTEN — done,
 * unless {@code sourceChanged} (written for another fingerprint: the source record changed since;
 * {@link LedgerStore#beginRewrite} starts writing it again); BLOCKED — skip.
 *
 * @param sourceChanged {@link LedgerEntry#sourceChanged} for the fingerprint passed to beginWrite
 */
public record AlreadyRecorded(LedgerEntry current, boolean sourceChanged)
    implements BeginWriteOutcome {}
