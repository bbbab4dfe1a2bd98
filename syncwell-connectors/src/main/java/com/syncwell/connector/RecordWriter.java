package com.syncwell.connector;

import com.syncwell.domain.HealthRecord;

/**
 * Writes one data type to one provider.
 *
 * <p><b>Idempotency:</b> the key travels to the provider as a provenance marker where the provider
 * keeps one; writing the same record with the same key twice yields {@link
 * WriteOutcome.DuplicateFound} the second time, never a second copy. Writers may poll (Strava's
 * asynchronous uploads) with bounded backoff before answering.
 *
 * <p>A record of another data type is an {@link IllegalArgumentException}.
 */
public interface RecordWriter {

  WriteOutcome write(ProviderSession session, HealthRecord record, IdempotencyKey key);
}
