package com.syncwell.domain.matching;

/** No destination record is the same recording or collides with the source record. */
public record NoMatch() implements MatchResult {}
