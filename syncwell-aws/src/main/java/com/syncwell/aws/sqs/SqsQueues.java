package com.syncwell.aws.sqs;

import com.syncwell.engine.port.StorageFailure;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates a job queue and its dead-letter queue the way the infrastructure code declares them: the
 * dead-letter queue {@code <name>-dlq}, then {@code <name>} with a redrive policy moving a message
 * there once it was received {@code maxReceives} times. Both keep messages 14 days (the SQS
 * maximum; a dead letter keeps its original enqueue time, so a shorter retention on the dead-letter
 * queue would expire it early).
 *
 * <p>Idempotent: an existing queue is reused and its attributes set again, so running it twice, or
 * from two processes at once, leaves the same two queues; a changed {@code maxReceives} updates the
 * policy. Failures of the engine throw {@link StorageFailure}.
 */
public final class SqsQueues {
  /** Suffix of the dead-letter queue's name. */
  public static final String DEAD_LETTER_SUFFIX = "-dlq";

  /** SQS allows 1 to 1,000 receives before dead-lettering. */
  public static final int MAX_MAX_RECEIVES = 1000;

  static final String RETENTION_SECONDS = Integer.toString(14 * 24 * 3600);
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9_-]{1," + (80 - DEAD_LETTER_SUFFIX.length()) + "}");

  private SqsQueues() {}

  /**
   * Creates {@code name} (1 to 76 of A-Z a-z 0-9 _ -) and {@code name-dlq} unless they exist,
   * points the first at the second with {@code maxReceives} (1 to 1,000), and returns both URLs.
   */
  public static SqsQueueUrls createIfMissing(SqsClient client, String name, int maxReceives) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "queue name must be 1 to "
              + (80 - DEAD_LETTER_SUFFIX.length())
              + " of A-Z a-z 0-9 _ -, was '"
              + name
              + "'");
    }
    if (maxReceives < 1 || maxReceives > MAX_MAX_RECEIVES) {
      throw new IllegalArgumentException(
          "maxReceives must be 1 to " + MAX_MAX_RECEIVES + ", was " + maxReceives);
    }
    try {
      String deadLetterUrl =
          ensure(
              client,
              name + DEAD_LETTER_SUFFIX,
              Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, RETENTION_SECONDS));
      String deadLetterArn =
          client
              .getQueueAttributes(
                  r -> r.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      if (deadLetterArn == null) {
        throw new StorageFailure("queue " + name + DEAD_LETTER_SUFFIX + " reported no ARN", null);
      }
      String policy =
          "{\"deadLetterTargetArn\":\""
              + deadLetterArn
              + "\",\"maxReceiveCount\":\""
              + maxReceives
              + "\"}";
      String queueUrl =
          ensure(
              client,
              name,
              Map.of(
                  QueueAttributeName.MESSAGE_RETENTION_PERIOD, RETENTION_SECONDS,
                  QueueAttributeName.REDRIVE_POLICY, policy));
      return new SqsQueueUrls(queueUrl, deadLetterUrl);
    } catch (SdkException e) {
      throw new StorageFailure("creating queue " + name + " failed: " + e.getMessage(), e);
    }
  }

  private static String ensure(
      SqsClient client, String name, Map<QueueAttributeName, String> attributes) {
    String url;
    try {
      url = client.getQueueUrl(r -> r.queueName(name)).queueUrl();
    } catch (QueueDoesNotExistException absent) {
      try {
        return client.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
      } catch (QueueNameExistsException raced) {
        // created meanwhile by someone else, with other attributes: set ours below
        url = client.getQueueUrl(r -> r.queueName(name)).queueUrl();
      }
    }
    String existing = url;
    client.setQueueAttributes(r -> r.queueUrl(existing).attributes(attributes));
    return existing;
  }
}
