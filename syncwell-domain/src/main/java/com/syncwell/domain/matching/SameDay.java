package com.syncwell.domain.matching;

import com.syncwell.domain.RecordRef;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The destination already has a daily aggregate of the same type for the same local date (each
 * side's date in its own offset). There is one value per day, so this is a conflict, settled by the
 * config's {@link com.syncwell.domain.ConflictStrategy}, never a silent duplicate: the source may
 * carry a newer count for the day.
 *
 * @param destination the destination record
 * @param date the shared local date
 */
public record SameDay(RecordRef destination, LocalDate date) implements Conflict {
  public SameDay {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(date, "date");
  }
}
