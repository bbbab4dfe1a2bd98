package com.syncwell.connector;

import java.util.Objects;

/** What a write did at the provider. */
public sealed interface WriteOutcome {

  /** Written; the provider's id of the new record. */
  record Created(String recordId) implements WriteOutcome {
    public Created {
      Objects.requireNonNull(recordId, "recordId");
    }
  }

  /** The provider already has this record (same marker, or its own duplicate check); its id. */
  record DuplicateFound(String existingRecordId) implements WriteOutcome {
    public DuplicateFound {
      Objects.requireNonNull(existingRecordId, "existingRecordId");
    }
  }

  /** The provider refused this record for good; the reason in one line, without health values. */
  record Rejected(String reason) implements WriteOutcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
