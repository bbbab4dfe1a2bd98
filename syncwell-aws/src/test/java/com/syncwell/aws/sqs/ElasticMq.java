package com.syncwell.aws.sqs;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.concurrent.Await;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An embedded ElasticMQ on 127.0.0.1 and a dynamic port, with strict SQS limits, whose queues run
 * on a clock the test can move forward ({@link #advance}): real time plus everything advanced so
 * far.
 *
 * <p>ElasticMQ 1.7.1 takes that clock ({@link NowProvider}) for receives, leases, visibility
 * changes, dead-lettering and long-poll bookkeeping, but stamps a sent message's SentTimestamp and
 * the start of its delay with the system clock. So a delay started after an advance is measured
 * from real time, and sent-at times never show the advances.
 */
final class ElasticMq implements AutoCloseable {
  private final AtomicLong advancedMillis = new AtomicLong();
  private final ActorSystem system;
  private final SQSRestServer server;
  private final URI endpoint;

  private ElasticMq() {
    NowProvider now = new MovableNow(advancedMillis);
    system = ActorSystem.create("elasticmq-test");
    ActorRef queues =
        system.actorOf(
            Props.create(
                QueueManagerActor.class,
                () -> new QueueManagerActor(now, StrictSQSLimits$.MODULE$, Option.empty())));
    server =
        SQSRestServerBuilder.withActorSystem(system)
            .withQueueManagerActor(queues)
            .withInterface("127.0.0.1")
            .withDynamicPort()
            .start();
    int port = server.waitUntilStarted().localAddress().getPort();
    endpoint = URI.create("http://127.0.0.1:" + port);
  }

  static ElasticMq start() {
    return new ElasticMq();
  }

  URI endpoint() {
    return endpoint;
  }

  /** Puts the queues' clock back on real time, for a test that starts on fresh queues. */
  void resetClock() {
    advancedMillis.set(0);
  }

  /** Moves the queues' clock forward by {@code d}; nothing waits. */
  void advance(Duration d) {
    advancedMillis.addAndGet(d.toMillis());
  }

  /**
   * Makes {@code queueUrl} re-check its waiting long polls now. ElasticMQ schedules that re-check
   * on real time; a visibility change, here on a receipt naming no message (so changing nothing),
   * triggers it at once on the moved clock. Call after {@link #advance}.
   */
  static void nudge(SqsClient client, String queueUrl) {
    try {
      client.changeMessageVisibility(
          r -> r.queueUrl(queueUrl).receiptHandle("nudge#nudge").visibilityTimeout(0));
    } catch (SdkException expected) {
      // the receipt names no message; the re-check happened anyway
    }
  }

  /** The queues' clock now. */
  Instant now() {
    return Instant.ofEpochMilli(System.currentTimeMillis() + advancedMillis.get());
  }

  @Override
  public void close() throws Exception {
    server.stopAndWait();
    Await.result(
        system.terminate(), scala.concurrent.duration.Duration.apply(30, TimeUnit.SECONDS));
  }

  /** Real time plus what the test advanced. */
  private static final class MovableNow extends NowProvider {
    private final AtomicLong advancedMillis;

    MovableNow(AtomicLong advancedMillis) {
      this.advancedMillis = advancedMillis;
    }

    @Override
    public long nowMillis() {
      return System.currentTimeMillis() + advancedMillis.get();
    }

    @Override
    public OffsetDateTime now() {
      return OffsetDateTime.ofInstant(Instant.ofEpochMilli(nowMillis()), ZoneOffset.UTC);
    }
  }
}
