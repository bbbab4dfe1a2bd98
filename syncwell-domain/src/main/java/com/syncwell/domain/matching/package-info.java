/**
 * Matching and conflict rules: whether a source record is already at the destination ({@link
 * com.syncwell.domain.matching.SameRecord}), collides with a different record there ({@link
 * com.syncwell.domain.matching.Overlap}, {@link com.syncwell.domain.matching.SameDay}) or is new
 * ({@link com.syncwell.domain.matching.NoMatch}), and what a sync does about it ({@link
 * com.syncwell.domain.matching.ConflictDecision}). Pure functions of record metadata; JDK only.
 */
package com.syncwell.domain.matching;
