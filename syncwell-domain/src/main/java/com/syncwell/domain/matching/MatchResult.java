package com.syncwell.domain.matching;

/**
 * What {@link RecordMatcher} found at the destination for one source record: nothing ({@link
 * NoMatch}), the same recording ({@link SameRecord}: a duplicate), or a different record it
 * collides with ({@link Conflict}).
 */
public sealed interface MatchResult permits NoMatch, SameRecord, Conflict {}
