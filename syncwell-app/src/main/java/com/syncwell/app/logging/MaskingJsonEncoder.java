package com.syncwell.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.syncwell.engine.log.LogFields;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The logstash JSON encoder with user ids pseudonymised: a line whose MDC holds the raw user id
 * ({@link LogFields#USER}) gets a {@code userRef} field (its {@link UserRefs} hash), and every
 * other occurrence of the raw id in the line — message, arguments, stack trace — is replaced by
 * that reference. The raw MDC entry itself is never written (name MDC keys explicitly in the
 * configuration, never all).
 *
 * <p>Configured in {@code logback.xml} with {@code <userHashKey>} (from {@code
 * SYNCWELL_LOG_HASH_KEY}; blank: a random key per process). Thread-safe like its superclass.
 */
public class MaskingJsonEncoder extends LogstashEncoder {
  /** Ids shorter than this are not searched for in the line (too likely to hit ordinary text). */
  static final int MIN_MASKED_LENGTH = 4;

  private String userHashKey = "";
  private UserRefs refs;

  public void setUserHashKey(String userHashKey) {
    this.userHashKey = userHashKey == null ? "" : userHashKey.strip();
  }

  @Override
  public void start() {
    try {
      refs = UserRefs.keyedBy(userHashKey);
    } catch (IllegalArgumentException e) {
      addError("SYNCWELL_LOG_HASH_KEY: " + e.getMessage() + "; using a random key instead");
      refs = UserRefs.keyedBy("");
    }
    if (refs.keyGenerated()) {
      addInfo("no SYNCWELL_LOG_HASH_KEY: user references hold for this process only");
    }
    addProvider(new UserRefJsonProvider(refs));
    super.start();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    byte[] line = super.encode(event);
    String user = event.getMDCPropertyMap().get(LogFields.USER);
    if (user == null || user.length() < MIN_MASKED_LENGTH) {
      return line;
    }
    String text = new String(line, StandardCharsets.UTF_8);
    String escaped = jsonEscaped(user);
    if (!text.contains(escaped)) {
      return line;
    }
    return text.replace(escaped, refs.of(user)).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void encode(ILoggingEvent event, OutputStream out) throws IOException {
    out.write(encode(event));
  }

  /** The id as it appears inside a JSON string. */
  private static String jsonEscaped(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 8);
    for (char c : raw.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
