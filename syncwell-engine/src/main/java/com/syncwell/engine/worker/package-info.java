/**
 * The workers and the scheduler of the sync engine (ARCHITECTURE.md §6 and §8 "Failures"): {@link
 * com.syncwell.engine.worker.SyncWorkers} take job messages from the {@link
 * com.syncwell.engine.port.queue.JobQueue} and run them through a {@link
 * com.syncwell.engine.sync.JobRunner}; {@link com.syncwell.engine.worker.SyncScheduler} enqueues
 * the sync configs that are due. Logs name job ids and message ids only, never a user id, a token
 * or a health value.
 */
package com.syncwell.engine.worker;
