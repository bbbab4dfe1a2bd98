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
 * A table that counts writes (put, update, delete, batch) and runs a hook just before the n-th one
 * once armed: a {@link Crash} to stop the caller there, as a dying process would, or another
 * request's work, as a concurrent request would. The hook's own table calls go to the real table.
 */
final class HookedTable implements MetadataTable {
  /** A simulated process crash: nothing after it runs. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(int write) {
      super("crash before write " + write, null, false, false);
    }
  }

  private final MetadataTable real;
  private final AtomicInteger writes = new AtomicInteger();
  private volatile int at = -1;
  private volatile Runnable hook = () -> {};
  private volatile Runnable beforeBatchDelete;

  HookedTable(MetadataTable real) {
    this.real = real;
  }

  MetadataTable real() {
    return real;
  }

  /** Runs {@code what} before the {@code n}-th write from now (1: the next one), once. */
  void before(int n, Runnable what) {
    hook = what;
    writes.set(0);
    at = n;
  }

  /** Throws {@link Crash} before the {@code n}-th write from now, once. */
  void crashBefore(int n) {
    before(
        n,
        () -> {
          throw new Crash(n);
        });
  }

  /** Runs {@code what} before the next batch delete, once. */
  void beforeNextBatchDelete(Runnable what) {
    beforeBatchDelete = what;
  }

  /** Forgets a hook that has not run yet. */
  void disarm() {
    at = -1;
  }

  /** Writes seen since the last arming. */
  int writes() {
    return writes.get();
  }

  private void write() {
    if (writes.incrementAndGet() == at) {
      at = -1;
      hook.run();
    }
  }

  @Override
  public Optional<StoredItem> get(ItemKey key) {
    return real.get(key);
  }

  @Override
  public PutOutcome putIfAbsent(Item item) {
    write();
    return real.putIfAbsent(item);
  }

  @Override
  public UpdateOutcome putIfVersion(Item item, long expectedVersion) {
    write();
    return real.putIfVersion(item, expectedVersion);
  }

  @Override
  public UpdateOutcome updateIfVersion(ItemKey key, long expectedVersion, ItemUpdate update) {
    write();
    return real.updateIfVersion(key, expectedVersion, update);
  }

  @Override
  public DeleteOutcome deleteIfVersion(ItemKey key, long expectedVersion) {
    write();
    return real.deleteIfVersion(key, expectedVersion);
  }

  @Override
  public Page query(Query query) {
    return real.query(query);
  }

  @Override
  public void batchPut(List<Item> items) {
    write();
    real.batchPut(items);
  }

  @Override
  public void batchDelete(List<ItemKey> keys) {
    Runnable once = beforeBatchDelete;
    if (once != null) {
      beforeBatchDelete = null;
      once.run();
    }
    write();
    real.batchDelete(keys);
  }

  @Override
  public int sweepExpired(int maxItems) {
    return real.sweepExpired(maxItems);
  }
}
