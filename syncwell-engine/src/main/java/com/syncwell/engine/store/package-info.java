/**
 * The domain stores of the sync engine, each written once on the {@link
 * com.syncwell.engine.port.table.MetadataTable} port (ARCHITECTURE.md §5, §8): connections with
 * envelope-encrypted tokens ({@link com.syncwell.engine.store.ConnectionStore}), sync configs and
 * their schedule ({@link com.syncwell.engine.store.SyncConfigStore}), cursors ({@link
 * com.syncwell.engine.store.CursorStore}), jobs with leases ({@link
 * com.syncwell.engine.store.JobStore}), the sync ledger ({@link
 * com.syncwell.engine.store.LedgerStore}), idempotency records of the API ({@link
 * com.syncwell.engine.store.IdempotencyStore}), profiles ({@link
 * com.syncwell.engine.store.ProfileStore}), export requests ({@link
 * com.syncwell.engine.store.ExportStore}) and the whole user partition for erasure and export
 * ({@link com.syncwell.engine.store.UserPartition}).
 *
 * <p>All user data lives under the partition {@code USER#{userId}}. Expected outcomes (an item that
 * exists, a stale version, a lease held by another worker) are values of sealed types or the port's
 * {@link com.syncwell.engine.port.table.UpdateOutcome}/{@link
 * com.syncwell.engine.port.table.DeleteOutcome}; a failing table throws {@link
 * com.syncwell.engine.port.StorageFailure}. No store keeps health values: only ids, timestamps,
 * fingerprints, counts and reasons.
 */
package com.syncwell.engine.store;
