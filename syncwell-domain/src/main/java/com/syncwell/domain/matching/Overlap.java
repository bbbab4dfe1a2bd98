package com.syncwell.domain.matching;

import com.syncwell.domain.RecordRef;
import java.time.Duration;
import java.util.Objects;

/**
 * A different timed recording of a compatible type whose interval overlaps the source's by more
 * than the threshold: a conflict, settled by the config's {@link
 * com.syncwell.domain.ConflictStrategy}.
 *
 * @param destination the destination record
 * @param overlap how long the two intervals share, on the time line (positive)
 */
public record Overlap(RecordRef destination, Duration overlap) implements Conflict {
  public Overlap {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(overlap, "overlap");
    if (overlap.isNegative() || overlap.isZero()) {
      throw new IllegalArgumentException("an overlap is positive, was " + overlap);
    }
  }

  /** The overlap in whole seconds (rounded down). */
  public long overlapSeconds() {
    return overlap.toSeconds();
  }
}
