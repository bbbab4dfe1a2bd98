package com.syncwell.aws.sqs;

import java.util.Objects;

/** The URLs of a job queue and of the dead-letter queue its redrive policy points at. */
public record SqsQueueUrls(String queueUrl, String deadLetterQueueUrl) {
  public SqsQueueUrls {
    Objects.requireNonNull(queueUrl, "queueUrl");
    Objects.requireNonNull(deadLetterQueueUrl, "deadLetterQueueUrl");
    if (queueUrl.equals(deadLetterQueueUrl)) {
      throw new IllegalArgumentException("a queue cannot be its own dead-letter queue");
    }
  }
}
