package com.syncwell.domain.matching;

/** How the starts of a {@link SameRecord} pair line up. */
public sealed interface StartAlignment permits EqualStarts, ZoneCorrected {

  /** The same alignment seen from the other side (source and destination swapped). */
  StartAlignment mirrored();
}
