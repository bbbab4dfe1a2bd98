package com.syncwell.domain.matching;

import java.time.Duration;
import java.util.Objects;

/**
 * The two starts differ by a zone error: after taking {@code correction} off the destination start,
 * the starts are equal within the tolerance.
 *
 * @param error which kind of zone error explains the shift
 * @param correction the shift the error explains, destination minus source: a non-zero multiple of
 *     15 minutes, at most 14 hours either way
 * @param residual what remains after the correction (destination start minus source start minus
 *     correction), within the tolerance
 */
public record ZoneCorrected(ZoneError error, Duration correction, Duration residual)
    implements StartAlignment {
  public ZoneCorrected {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(correction, "correction");
    Objects.requireNonNull(residual, "residual");
  }

  @Override
  public ZoneCorrected mirrored() {
    return new ZoneCorrected(error, correction.negated(), residual.negated());
  }
}
