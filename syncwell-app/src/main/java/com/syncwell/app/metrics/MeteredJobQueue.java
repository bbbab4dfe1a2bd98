package com.syncwell.app.metrics;

import com.syncwell.engine.port.queue.DeadLetter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.MessageId;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiptHandle;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import com.syncwell.engine.sync.SyncJobMessage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.ObjIntConsumer;

/**
 * The delegate queue, telling a listener the job id and receive count of every sync-job message it
 * hands out (bodies that are not sync-job messages are passed on unnoted). Everything else is the
 * delegate's, with its semantics and thread safety.
 */
final class MeteredJobQueue implements JobQueue {
  private final JobQueue delegate;
  private final ObjIntConsumer<String> deliveries;

  MeteredJobQueue(JobQueue delegate, ObjIntConsumer<String> deliveries) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
  }

  @Override
  public List<ReceivedMessage> receive(ReceiveRequest request) {
    List<ReceivedMessage> received = delegate.receive(request);
    for (ReceivedMessage m : received) {
      try {
        deliveries.accept(SyncJobMessage.parse(m.body()).jobId(), m.receiveCount());
      } catch (IllegalArgumentException poison) {
        // the workers count and delete it
      }
    }
    return received;
  }

  @Override
  public MessageId send(OutgoingMessage message) {
    return delegate.send(message);
  }

  @Override
  public List<MessageId> sendBatch(List<OutgoingMessage> messages) {
    return delegate.sendBatch(messages);
  }

  @Override
  public boolean delete(ReceiptHandle receipt) {
    return delegate.delete(receipt);
  }

  @Override
  public boolean changeVisibility(ReceiptHandle receipt, Duration timeout) {
    return delegate.changeVisibility(receipt, timeout);
  }

  @Override
  public List<DeadLetter> listDeadLetters(int max) {
    return delegate.listDeadLetters(max);
  }

  @Override
  public int redriveDeadLetters(int max) {
    return delegate.redriveDeadLetters(max);
  }

  @Override
  public QueueDepth approximateDepth() {
    return delegate.approximateDepth();
  }
}
