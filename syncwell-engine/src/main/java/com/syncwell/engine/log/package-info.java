/**
 * The logging context of a sync job (ARCHITECTURE.md §10), written with the SLF4J API only.
 *
 * <p>A worker opens a {@link com.syncwell.engine.log.JobLogScope} around each job it runs: every
 * line logged on that thread until the scope closes, the worker's, the engine's and the provider
 * calls', carries the job id and the correlation id of the request that caused the job, and ends
 * with one line marked {@link com.syncwell.engine.log.LogFields#JOB_END} that names the job's
 * {@link com.syncwell.engine.log.JobLogOutcome}. The logging backend of the application buffers a
 * job's lines and keeps or drops them by that outcome and the user's tier; without such a backend
 * the lines are ordinary log lines.
 *
 * <p>The raw user id is put in the context under {@link com.syncwell.engine.log.LogFields#USER} for
 * the encoder to replace with a keyed hash; it is never written as it is.
 */
package com.syncwell.engine.log;
