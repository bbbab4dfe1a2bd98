package com.syncwell.aws.sqs;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.testkit.JobQueueContract;
import com.syncwell.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The job-queue contract on ElasticMQ, fresh queues per test, one server for the class. The test
 * clock drives ElasticMQ's own clock ({@link ElasticMq}), so nothing waits for leases or delays.
 *
 * <p>Contract tests that assert what SQS itself does differently, or what ElasticMQ cannot be made
 * to show with a movable clock, are skipped by name with the reason ({@link #SQS_DIFFERS}); {@link
 * SqsJobQueueEngineTest} proves the rest of what they check.
 */
class SqsJobQueueTest extends JobQueueContract {
  static final String REGION = "eu-west-1";

  /** Contract tests skipped on SQS, and why. */
  static final Map<String, String> SQS_DIFFERS =
      Map.of(
          "sent_at_is_taken_from_the_queue_clock",
          "SQS stamps SentTimestamp with the engine's clock, and ElasticMQ 1.7.1 stamps sends with"
              + " the system clock even when given a clock: the test's advances never reach it",
          "message_is_dead_lettered_after_max_receives_deliveries",
          "SQS keeps no dead-lettering time, and sentAt is the engine's SentTimestamp, not the test"
              + " clock; the rest is in SqsJobQueueEngineTest",
          "redrive_returns_dead_letters_to_the_queue_with_a_fresh_receive_count",
          "a redriven message is a new SQS message (new id and SentTimestamp, as in SQS's own"
              + " redrive); the rest is in SqsJobQueueEngineTest",
          "redrive_moves_at_most_max_dead_letters_oldest_first",
          "a redriven message is a new SQS message with a new id; SqsJobQueueEngineTest checks"
              + " the same by body",
          "approximate_depth_counts_every_state",
          "ElasticMQ 1.7.1 computes ApproximateNumberOf* with the system clock, not the clock it is"
              + " given, so leases and delays the test advanced past still count; the states"
              + " themselves are in SqsJobQueueEngineTest",
          "change_visibility_after_the_lease_expired_returns_false",
          "ElasticMQ 1.7.1 changes the visibility of any message its receipt names, in flight or"
              + " not (AWS answers MessageNotInflight, which the adapter maps to false)");

  @RegisterExtension
  static final ExecutionCondition SKIP_WHERE_SQS_DIFFERS =
      context ->
          context
              .getTestMethod()
              .map(m -> SQS_DIFFERS.get(m.getName()))
              .map(ConditionEvaluationResult::disabled)
              .orElseGet(() -> ConditionEvaluationResult.enabled("SQS semantics match"));

  private static ElasticMq server;
  private static SqsClient client;

  private final List<SqsQueueUrls> created = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = ElasticMq.start();
    client = SqsClients.forEndpoint(Optional.of(server.endpoint()), Region.of(REGION));
  }

  @AfterAll
  static void stopServer() throws Exception {
    client.close();
    server.close();
  }

  @Override
  protected JobQueue newQueue(MutableClock clock, int maxReceives) {
    if (created.isEmpty()) {
      server.resetClock();
      clock.set(server.now());
    }
    String name = "jobs-" + UUID.randomUUID().toString().substring(0, 8);
    SqsQueueUrls urls = SqsQueues.createIfMissing(client, name, maxReceives);
    created.add(urls);
    return new SqsJobQueue(client, urls, maxReceives);
  }

  /** Moves the test clock and ElasticMQ's together and wakes this test's waiting long polls. */
  @Override
  protected void advance(Duration d) {
    clock.advance(d);
    server.advance(d);
    created.forEach(urls -> ElasticMq.nudge(client, urls.queueUrl()));
  }

  /**
   * ElasticMQ, like AWS, lets a receipt that is not the current lease change a message's visibility
   * (AWS also lets it delete): see {@link SqsJobQueue}.
   */
  @Override
  protected boolean rejectsStaleReceipts() {
    return false;
  }
}
