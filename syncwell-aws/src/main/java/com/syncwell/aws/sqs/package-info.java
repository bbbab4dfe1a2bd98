/**
 * {@link com.syncwell.engine.port.queue.JobQueue} on Amazon SQS (ARCHITECTURE.md §6): a standard
 * queue whose redrive policy moves poison messages to a dead-letter queue, the queues' creation for
 * local use and tests, and a client for an endpoint override (ElasticMQ, LocalStack).
 */
package com.syncwell.aws.sqs;
