package com.syncwell.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.CommitGroup;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.MetadataTable;
import com.syncwell.engine.port.table.Written;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CommitGroup} must show, whether it groups or not: an adapter's test
 * extends this class and implements {@link #newStores} with a fresh table, queue and group over
 * them. Rolling back a failed group is only what a grouping adapter promises; its own test checks
 * that.
 */
public abstract class CommitGroupContract {
  /** The stores a group commits to, and how to release them. */
  public record Stores(
      MetadataTable table, JobQueue queue, CommitGroup group, AutoCloseable closer) {}

  private Stores stores;

  protected abstract Stores newStores(MutableClock clock);

  @BeforeEach
  void open() {
    stores = newStores(MutableClock.startingAtNewYear());
  }

  @AfterEach
  void close() throws Exception {
    stores.closer().close();
  }

  @Test
  void a_group_returns_what_its_writes_return_and_they_are_all_visible_after() {
    Item job = Item.builder("USER#1", "JOB#j1").set("status", "QUEUED").build();

    Object result =
        stores
            .group()
            .together(
                () -> {
                  Object put = stores.table().putIfAbsent(job);
                  stores.queue().send(OutgoingMessage.of("{\"jobId\":\"j1\"}"));
                  return put;
                });

    assertThat(result).isEqualTo(new Written(1));
    assertThat(stores.table().get(job.key())).isPresent();
    assertThat(receiveAll())
        .extracting(ReceivedMessage::body)
        .containsExactly("{\"jobId\":\"j1\"}");
  }

  @Test
  void what_the_writes_throw_reaches_the_caller_unchanged() {
    IllegalStateException thrown = new IllegalStateException("the send failed");

    assertThatThrownBy(
            () ->
                stores
                    .group()
                    .together(
                        () -> {
                          stores.table().putIfAbsent(Item.builder("USER#1", "JOB#j2").build());
                          throw thrown;
                        }))
        .isSameAs(thrown);
  }

  @Test
  void groups_from_many_threads_each_commit_their_own_writes() throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String id = "j" + i;
        Callable<Object> call =
            () ->
                stores
                    .group()
                    .together(
                        () -> {
                          stores.table().putIfAbsent(Item.builder("USER#1", "JOB#" + id).build());
                          stores.queue().send(OutgoingMessage.of(id));
                          return id;
                        });
        results.add(pool.submit(call));
      }
      for (int i = 0; i < threads; i++) {
        assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("j" + i);
        assertThat(stores.table().get(ItemKey.of("USER#1", "JOB#j" + i))).isPresent();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(receiveAll()).hasSize(threads);
  }

  @Test
  void a_group_that_throws_keeps_none_of_its_writes_exactly_when_it_says_it_is_atomic() {
    Item job = Item.builder("USER#1", "JOB#a").set("status", "QUEUED").build();

    assertThatThrownBy(
            () ->
                stores
                    .group()
                    .together(
                        () -> {
                          stores.table().putIfAbsent(job);
                          stores.queue().send(OutgoingMessage.of("{\"jobId\":\"a\"}"));
                          throw new IllegalStateException(
                              "crash between the writes and the commit");
                        }))
        .isInstanceOf(IllegalStateException.class);

    boolean kept = !stores.group().atomic();
    assertThat(stores.table().get(job.key()).isPresent()).isEqualTo(kept);
    assertThat(stores.queue().approximateDepth()).isEqualTo(new QueueDepth(kept ? 1 : 0, 0, 0, 0));
  }

  @Test
  void a_read_inside_a_group_sees_what_the_group_wrote_before_it() {
    Item job = Item.builder("USER#1", "JOB#r").set("status", "QUEUED").build();

    boolean seen =
        stores
            .group()
            .together(
                () -> {
                  stores.table().putIfAbsent(job);
                  return stores.table().get(job.key()).isPresent();
                });

    assertThat(seen).isTrue();
  }

  @Test
  void a_group_inside_a_group_joins_it() {
    String result =
        stores
            .group()
            .together(
                () ->
                    stores
                        .group()
                        .together(
                            () -> {
                              stores.table().putIfAbsent(Item.builder("USER#1", "JOB#n").build());
                              return "inner";
                            }));

    assertThat(result).isEqualTo("inner");
    assertThat(stores.table().get(ItemKey.of("USER#1", "JOB#n"))).isPresent();
  }

  private List<ReceivedMessage> receiveAll() {
    List<ReceivedMessage> all = new ArrayList<>();
    while (true) {
      List<ReceivedMessage> batch =
          stores
              .queue()
              .receive(ReceiveRequest.of(ReceiveRequest.MAX_MESSAGES, Duration.ofMinutes(5)));
      if (batch.isEmpty()) {
        return all;
      }
      all.addAll(batch);
    }
  }
}
