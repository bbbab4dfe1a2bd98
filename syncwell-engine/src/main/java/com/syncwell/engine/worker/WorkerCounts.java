package com.syncwell.engine.worker;

/**
 * What the workers of one process did since they were made (a metrics source; low-cardinality
 * outcomes only).
 *
 * @param finished jobs that ran to an end state; their messages were deleted
 * @param notRun messages acknowledged without running (job finished, held elsewhere, gone, config
 *     disabled)
 * @param deferred jobs put back for a moment because another job of their config was running
 * @param poison messages that were not sync job messages; deleted
 * @param rateLimited jobs put back until their provider's limit resets
 * @param hops early copies of rate-limited jobs re-sent for the rest of their wait
 * @param retried deliveries that failed and were put back with a backoff
 * @param released deliveries given back unstarted at a stop
 */
public record WorkerCounts(
    long finished,
    long notRun,
    long deferred,
    long poison,
    long rateLimited,
    long hops,
    long retried,
    long released) {}
