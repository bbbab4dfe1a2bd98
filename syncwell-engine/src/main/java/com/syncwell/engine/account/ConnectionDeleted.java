package com.syncwell.engine.account;

/**
 * The connection is gone, with the sync configs that used it; their unfinished jobs were cancelled.
 */
public record ConnectionDeleted(int configsDeleted, int jobsCancelled)
    implements DeleteConnectionOutcome {}
