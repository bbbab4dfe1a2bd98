package com.syncwell.domain.matching;

/**
 * What a sync does with one source record once it is matched (ARCHITECTURE.md §8, step 6): write it
 * ({@link WriteSource}), skip it ({@link SkipDuplicate}, {@link KeepDestination}) or write it over
 * the destination record ({@link ReplaceDestination}). The two skips differ only in what the run
 * report counts: a duplicate found, or a conflict the destination won.
 */
public sealed interface ConflictDecision
    permits WriteSource, SkipDuplicate, KeepDestination, ReplaceDestination {}
