package com.syncwell.engine.worker;

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
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A table whose secondary-index reads wait at a barrier after reading, so schedulers sharing the
 * barrier all read the same due configs before any of them claims one: the worst race, every time.
 */
final class LockstepScheduleReads implements MetadataTable {
  private final MetadataTable table;
  private final CyclicBarrier barrier;

  LockstepScheduleReads(MetadataTable table, CyclicBarrier barrier) {
    this.table = table;
    this.barrier = barrier;
  }

  @Override
  public Page query(Query query) {
    Page page = table.query(query);
    if (query.index().isPresent()) {
      try {
        barrier.await(QueueFixture.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException("the schedulers fell out of step", e);
      }
    }
    return page;
  }

  @Override
  public Optional<StoredItem> get(ItemKey key) {
    return table.get(key);
  }

  @Override
  public PutOutcome putIfAbsent(Item item) {
    return table.putIfAbsent(item);
  }

  @Override
  public UpdateOutcome putIfVersion(Item item, long expectedVersion) {
    return table.putIfVersion(item, expectedVersion);
  }

  @Override
  public UpdateOutcome updateIfVersion(ItemKey key, long expectedVersion, ItemUpdate update) {
    return table.updateIfVersion(key, expectedVersion, update);
  }

  @Override
  public DeleteOutcome deleteIfVersion(ItemKey key, long expectedVersion) {
    return table.deleteIfVersion(key, expectedVersion);
  }

  @Override
  public void batchPut(List<Item> items) {
    table.batchPut(items);
  }

  @Override
  public void batchDelete(List<ItemKey> keys) {
    table.batchDelete(keys);
  }

  @Override
  public int sweepExpired(int maxItems) {
    return table.sweepExpired(maxItems);
  }
}
