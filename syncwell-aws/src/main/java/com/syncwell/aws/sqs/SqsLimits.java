package com.syncwell.aws.sqs;

import com.syncwell.engine.port.queue.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What SQS refuses beyond the port's own limits, checked before a call so a bad message is an
 * {@link IllegalArgumentException} and never a half-sent batch: characters outside the XML range
 * SQS accepts, empty attribute values, reserved or malformed attribute names.
 */
final class SqsLimits {
  /** The data type every attribute is sent with; SQS counts it toward the message size. */
  static final String ATTRIBUTE_TYPE = "String";

  /**
   * Total payload of one SendMessageBatch call. Real SQS allows 1 MiB since 2025; 256 KiB is what
   * every engine (ElasticMQ included) takes, and larger batches are split into several calls.
   */
  static final int BATCH_PAYLOAD_BYTES = 256 * 1024;

  private SqsLimits() {}

  /** Throws {@link IllegalArgumentException} if SQS would refuse {@code message}. */
  static void requireSendable(OutgoingMessage message) {
    requireSqsText("message body", message.body());
    for (Map.Entry<String, String> e : message.attributes().entrySet()) {
      String name = e.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("aws.") || lower.startsWith("amazon.")) {
        throw new IllegalArgumentException(
            "message attribute names starting with AWS. or Amazon. are reserved: " + name);
      }
      if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
        throw new IllegalArgumentException(
            "message attribute name must not start or end with a period or hold two in a row: "
                + name);
      }
      if (e.getValue().isEmpty()) {
        throw new IllegalArgumentException("message attribute " + name + " must not be empty");
      }
      requireSqsText("value of message attribute " + name, e.getValue());
    }
  }

  /** Bytes SQS counts for {@code message}: body, and each attribute's name, type and value. */
  static long size(OutgoingMessage message) {
    long size = utf8(message.body());
    for (Map.Entry<String, String> e : message.attributes().entrySet()) {
      size += utf8(e.getKey()) + ATTRIBUTE_TYPE.length() + utf8(e.getValue());
    }
    return size;
  }

  /** Whole seconds for SQS, rounded up so a lease or wait is never shorter than asked. */
  static int seconds(Duration d) {
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.toIntExact(s);
  }

  private static void requireSqsText(String what, String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean allowed =
          cp == 0x9
              || cp == 0xA
              || cp == 0xD
              || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD)
              || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!allowed) {
        throw new IllegalArgumentException(
            what + " holds a character SQS refuses at index " + i + ": U+" + hex(cp));
      }
      i += Character.charCount(cp);
    }
  }

  private static String hex(int cp) {
    return String.format(Locale.ROOT, "%04X", cp);
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
