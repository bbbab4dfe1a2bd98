package com.syncwell.app.bench;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.table.MetadataTable;

/**
 * Where {@link StoreBenchmarks} run: a fresh, empty metadata table or job queue per benchmark, on
 * one engine. Used from one thread at a time.
 */
public interface StoreEngine {
  /** The engine's name in printed tables, e.g. {@code SQLite}. */
  String name();

  /** A new, empty table; {@code benchmark} is a short lower-case name for files and tables. */
  FreshStore<MetadataTable> freshTable(String benchmark) throws Exception;

  /** A new, empty queue; {@code benchmark} is a short lower-case name for files and queues. */
  FreshStore<JobQueue> freshQueue(String benchmark) throws Exception;

  /**
   * Requests sent over the network to the engine so far (each SDK call once, whatever the SDK
   * retried); 0 for an embedded engine, which makes none.
   */
  long remoteCalls();
}
