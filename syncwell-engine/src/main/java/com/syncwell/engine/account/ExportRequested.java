package com.syncwell.engine.account;

import com.syncwell.engine.store.ExportRequest;
import java.util.Objects;

/** The export was requested; it can be fetched until the request expires. */
public record ExportRequested(ExportRequest export) implements RequestExportOutcome {
  public ExportRequested {
    Objects.requireNonNull(export, "export");
  }
}
