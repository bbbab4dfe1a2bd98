/**
 * The sync algorithm (ARCHITECTURE.md §8): {@code RunSyncJob} moves one config's records from its
 * source connection to its destination with exactly-once effect, driven by {@link
 * com.syncwell.engine.sync.SyncJobMessage}s that the workers take from the job queue.
 */
package com.syncwell.engine.sync;
