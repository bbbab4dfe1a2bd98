package com.syncwell.engine.account;

import com.syncwell.engine.store.ExportRequest;
import java.util.Objects;

/** The export request and its document, assembled at the time of the read. */
public record ExportFound(ExportRequest export, ExportDocument document)
    implements GetExportOutcome {
  public ExportFound {
    Objects.requireNonNull(export, "export");
    Objects.requireNonNull(document, "document");
  }
}
