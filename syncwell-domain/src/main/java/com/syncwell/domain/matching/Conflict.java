package com.syncwell.domain.matching;

import com.syncwell.domain.RecordRef;

/**
 * A different destination record that collides with the source record: a timed record that overlaps
 * it ({@link Overlap}) or a daily aggregate of the same date ({@link SameDay}). The config's {@link
 * com.syncwell.domain.ConflictStrategy} settles it ({@link ConflictResolver}).
 */
public sealed interface Conflict extends MatchResult permits Overlap, SameDay {

  /** The colliding destination record. */
  RecordRef destination();
}
