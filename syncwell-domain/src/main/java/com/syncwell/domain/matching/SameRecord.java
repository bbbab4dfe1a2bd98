package com.syncwell.domain.matching;

import com.syncwell.domain.RecordRef;
import java.util.Objects;

/**
 * The destination already holds the same recording: compatible types and starts equal within the
 * tolerance, directly or after correcting a zone error. A sync skips the source record and reports
 * a duplicate.
 *
 * @param destination the destination record
 * @param how how the starts line up
 */
public record SameRecord(RecordRef destination, StartAlignment how) implements MatchResult {
  public SameRecord {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(how, "how");
  }
}
