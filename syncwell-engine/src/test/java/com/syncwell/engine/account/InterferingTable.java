package com.syncwell.engine.account;

import com.syncwell.engine.port.table.DeleteOutcome;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.ItemUpdate;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Page;
import com.syncwell.engine.port.table.PutOutcome;
import com.syncwell.engine.port.table.Query;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.engine.port.table.UpdateOutcome;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A table that lets another writer in just before version-checked writes: {@link #interfere} runs
 * before each of the next {@code times} conditional writes (update, put or delete if version), as a
 * concurrent request would. The interference itself goes straight to the real table.
 */
final class InterferingTable implements MetadataTable {
  private final MetadataTable real;
  private final AtomicInteger times = new AtomicInteger();
  private volatile Runnable interference = () -> {};

  InterferingTable(MetadataTable real) {
    this.real = real;
  }

  MetadataTable real() {
    return real;
  }

  /** Runs {@code what} against the real table before each of the next {@code n} checked writes. */
  void interfere(int n, Runnable what) {
    interference = what;
    times.set(n);
  }

  private void maybeInterfere() {
    if (times.getAndUpdate(t -> Math.max(0, t - 1)) > 0) {
      interference.run();
    }
  }

  @Override
  public Optional<StoredItem> get(ItemKey key) {
    return real.get(key);
  }

  @Override
  public PutOutcome putIfAbsent(Item item) {
    return real.putIfAbsent(item);
  }

  @Override
  public UpdateOutcome putIfVersion(Item item, long expectedVersion) {
    maybeInterfere();
    return real.putIfVersion(item, expectedVersion);
  }

  @Override
  public UpdateOutcome updateIfVersion(ItemKey key, long expectedVersion, ItemUpdate update) {
    maybeInterfere();
    return real.updateIfVersion(key, expectedVersion, update);
  }

  @Override
  public DeleteOutcome deleteIfVersion(ItemKey key, long expectedVersion) {
    maybeInterfere();
    return real.deleteIfVersion(key, expectedVersion);
  }

  @Override
  public Page query(Query query) {
    return real.query(query);
  }

  @Override
  public void batchPut(List<Item> items) {
    real.batchPut(items);
  }

  @Override
  public void batchDelete(List<ItemKey> keys) {
    real.batchDelete(keys);
  }

  @Override
  public int sweepExpired(int maxItems) {
    return real.sweepExpired(maxItems);
  }
}
