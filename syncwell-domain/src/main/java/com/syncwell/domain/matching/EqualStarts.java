package com.syncwell.domain.matching;

import java.time.Duration;
import java.util.Objects;

/**
 * The two starts are the same instant within the tolerance, whatever offsets they carry.
 *
 * @param difference destination start minus source start, on the time line
 */
public record EqualStarts(Duration difference) implements StartAlignment {
  public EqualStarts {
    Objects.requireNonNull(difference, "difference");
  }

  @Override
  public EqualStarts mirrored() {
    return new EqualStarts(difference.negated());
  }
}
