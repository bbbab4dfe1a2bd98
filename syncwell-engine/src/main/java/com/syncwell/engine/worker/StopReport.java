package com.syncwell.engine.worker;

/**
 * What a graceful stop came to.
 *
 * @param released deliveries given back at once because they had not started
 * @param abandoned jobs still running when the grace ran out; their messages come back when their
 *     leases run out, and the job store's lease keeps a second run from overlapping the first
 */
public record StopReport(int released, int abandoned) {}
