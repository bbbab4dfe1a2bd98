/**
 * The logback side of SyncWell's logs (ARCHITECTURE.md §10), configured in {@code logback.xml}:
 *
 * <ul>
 *   <li>{@link com.syncwell.app.logging.MaskingJsonEncoder}: JSON lines (logstash encoder) whose
 *       raw user id is replaced by a keyed hash ({@code userRef}, HMAC-SHA256 with {@code
 *       SYNCWELL_LOG_HASH_KEY}); secret names and token shapes are masked by the encoder's masking
 *       decorator.
 *   <li>{@link com.syncwell.app.logging.JobSamplingAppender}: buffers each job run's lines (those
 *       with a {@code syncwell.jobRun} in the MDC), bounded per run, and at the run's last line
 *       writes them all when the run failed, else only when its job id falls in its tier's {@link
 *       com.syncwell.app.logging.LogSample}; WARN and above are written at once.
 * </ul>
 */
package com.syncwell.app.logging;
