package com.syncwell.connector.files;

import com.syncwell.domain.Workout;
import java.util.List;
import java.util.Objects;

/**
 * What reading a workout file gave: a workout (with notes on what was odd), or a reason why not.
 */
public sealed interface FileReadOutcome {

  /** The file was read; {@code notes} say what was skipped or assumed (never health values). */
  record Read(Workout workout, List<String> notes) implements FileReadOutcome {
    public Read {
      Objects.requireNonNull(workout, "workout");
      notes = List.copyOf(notes);
    }
  }

  /** The file holds no usable workout; {@code reason} says why in one line. */
  record Unreadable(String reason) implements FileReadOutcome {
    public Unreadable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
