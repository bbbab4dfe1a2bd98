package com.syncwell.engine.store;

/** No such job (never created, deleted, or past its 30-day expiry). */
public record JobMissing()
    implements ClaimOutcome, LeaseOutcome, CompletionOutcome, CancelOutcome, ReleaseOutcome {}
