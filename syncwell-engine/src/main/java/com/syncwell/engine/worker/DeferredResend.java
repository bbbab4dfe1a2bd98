package com.syncwell.engine.worker;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.ReceivedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts a rate-limited message back <em>without</em> spending one of its deliveries: sends a fresh
 * copy (receive count starts again at 0) that becomes visible at the due time, then deletes the
 * delivery in hand.
 *
 * <p>The queue delays a send by at most 15 minutes. A later due time rides along in the {@value
 * #NOT_BEFORE} attribute (epoch milliseconds): a worker that receives the copy before then does not
 * run the job but re-sends it again for the time left (a chain of hops of at most 15 minutes).
 *
 * <p>Send first, delete second: a crash between the two leaves two messages for one job, which
 * at-least-once processing already tolerates (the job's lease and the ledger make the effect happen
 * once); the other order could lose the job.
 */
final class DeferredResend {
  static final String NOT_BEFORE = "syncwell.notBefore";
  static final String DEFERRALS = "syncwell.deferrals";

  /** A copy received this close before its due time runs (clocks of workers differ a little). */
  static final Duration EARLY_TOLERANCE = Duration.ofSeconds(1);

  private final JobQueue queue;
  private final Clock clock;

  DeferredResend(JobQueue queue, Clock clock) {
    this.queue = Objects.requireNonNull(queue, "queue");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The due time the message carries, if it is still ahead (beyond the tolerance). */
  Optional<Instant> dueLater(ReceivedMessage message) {
    String raw = message.attributes().get(NOT_BEFORE);
    if (raw == null) {
      return Optional.empty();
    }
    try {
      Instant due = Instant.ofEpochMilli(Long.parseLong(raw));
      return due.isAfter(clock.instant().plus(EARLY_TOLERANCE))
          ? Optional.of(due)
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Sends a fresh copy of {@code message} due at {@code due} and deletes this delivery; returns
   * whether the delete acknowledged it (false: the lease was lost, and a second copy may run).
   *
   * @throws IllegalArgumentException when the copy cannot carry the due time (too many attributes)
   * @throws com.syncwell.engine.port.StorageFailure when the queue fails
   */
  boolean resend(ReceivedMessage message, Instant due) {
    Duration wait = Duration.between(clock.instant(), due);
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    Duration delay =
        wait.compareTo(OutgoingMessage.MAX_DELAY) > 0 ? OutgoingMessage.MAX_DELAY : wait;
    queue.send(new OutgoingMessage(message.body(), attributes(message, due), delay));
    return queue.delete(message.receipt());
  }

  private static Map<String, String> attributes(ReceivedMessage message, Instant due) {
    Map<String, String> attributes = new LinkedHashMap<>(message.attributes());
    attributes.put(NOT_BEFORE, Long.toString(due.toEpochMilli()));
    long deferrals = deferrals(message) + 1;
    if (attributes.containsKey(DEFERRALS) || attributes.size() < OutgoingMessage.MAX_ATTRIBUTES) {
      attributes.put(DEFERRALS, Long.toString(deferrals));
    }
    return attributes;
  }

  /** How often the message was re-sent for a rate limit so far (every hop counts). */
  static long deferrals(ReceivedMessage message) {
    try {
      return Long.parseLong(message.attributes().getOrDefault(DEFERRALS, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
