package com.syncwell.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's request for an export of their data, stored under {@code USER#{userId}} / {@code
 * EXPORT#{exportId}} until {@code expiresAt}. It holds no data of the export itself: the document
 * is assembled from the table each time it is read.
 */
public record ExportRequest(
    String exportId, String userId, Instant requestedAt, Instant expiresAt) {
  public ExportRequest {
    Objects.requireNonNull(exportId, "exportId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "ExportRequest[" + exportId + ", until " + expiresAt + "]";
  }
}
