package com.syncwell.app.bench;

import java.util.Objects;

/**
 * An empty table or queue made for one benchmark; closing it removes it (closes the database file,
 * deletes the DynamoDB table or the SQS queues).
 */
public record FreshStore<T>(T store, AutoCloseable removal) implements AutoCloseable {
  public FreshStore {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(removal, "removal");
  }

  @Override
  public void close() throws Exception {
    removal.close();
  }
}
