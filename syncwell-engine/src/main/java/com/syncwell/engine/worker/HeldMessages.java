package com.syncwell.engine.worker;

import com.syncwell.engine.port.queue.JobQueue;
import com.syncwell.engine.port.queue.ReceivedMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The deliveries this process holds, by receipt handle, for the heartbeat to keep leased. */
final class HeldMessages {
  private static final Logger log = LoggerFactory.getLogger(HeldMessages.class);

  private final Map<String, HeldMessage> byReceipt = new ConcurrentHashMap<>();

  HeldMessage hold(ReceivedMessage message) {
    HeldMessage held = new HeldMessage(message);
    byReceipt.put(message.receipt().value(), held);
    return held;
  }

  void forget(HeldMessage held) {
    byReceipt.remove(held.message().receipt().value(), held);
  }

  int size() {
    return byReceipt.size();
  }

  /**
   * Extends the lease of every held delivery to {@code lease} from now and returns how many it
   * extended. A delivery whose lease is lost is forgotten (another receiver may have it now; the
   * job's own lease in the job store keeps the two runs apart); a failing call is retried on the
   * next beat.
   */
  int extendAll(JobQueue queue, Duration lease) {
    int extended = 0;
    for (HeldMessage held : byReceipt.values()) {
      try {
        if (held.extend(queue, lease)) {
          extended++;
        } else {
          log.warn("lost the lease of message {}; it may be delivered again", held.message().id());
          forget(held);
        }
      } catch (RuntimeException e) {
        log.warn(
            "could not extend the lease of message {} ({}); trying again on the next beat",
            held.message().id(),
            e.getClass().getName());
      }
    }
    return extended;
  }
}
