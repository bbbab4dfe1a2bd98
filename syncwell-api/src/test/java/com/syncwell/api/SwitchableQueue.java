package com.syncwell.api;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.queue.DeadLetter;
import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.MessageId;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import com.syncwell.engine.port.queue.ReceiptHandle;
import com.syncwell.engine.port.queue.ReceiveRequest;
import com.syncwell.engine.port.queue.ReceivedMessage;
import java.time.Duration;
import java.util.List;

/** A queue that can be switched to fail every call with {@link StorageFailure}. */
final class SwitchableQueue implements JobQueue {
  private final JobQueue delegate;
  private volatile boolean down;

  SwitchableQueue(JobQueue delegate) {
    this.delegate = delegate;
  }

  void down(boolean down) {
    this.down = down;
  }

  private void check() {
    if (down) {
      throw new StorageFailure("queue down (test)", new java.io.IOException("no route"));
    }
  }

  @Override
  public MessageId send(OutgoingMessage message) {
    check();
    return delegate.send(message);
  }

  @Override
  public List<MessageId> sendBatch(List<OutgoingMessage> messages) {
    check();
    return delegate.sendBatch(messages);
  }

  @Override
  public List<ReceivedMessage> receive(ReceiveRequest request) {
    check();
    return delegate.receive(request);
  }

  @Override
  public boolean delete(ReceiptHandle receipt) {
    check();
    return delegate.delete(receipt);
  }

  @Override
  public boolean changeVisibility(ReceiptHandle receipt, Duration timeout) {
    check();
    return delegate.changeVisibility(receipt, timeout);
  }

  @Override
  public List<DeadLetter> listDeadLetters(int max) {
    check();
    return delegate.listDeadLetters(max);
  }

  @Override
  public int redriveDeadLetters(int max) {
    check();
    return delegate.redriveDeadLetters(max);
  }

  @Override
  public QueueDepth approximateDepth() {
    check();
    return delegate.approximateDepth();
  }
}
