package com.syncwell.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many commands of each kind a Redis server has executed ({@code INFO commandstats}, without
 * the {@code INFO} calls themselves), read over a plain connection of its own in the Redis
 * protocol. Only for {@code redis://host:port} without a password; otherwise, or when the server
 * does not answer within {@value #TIMEOUT_MILLIS} ms, empty.
 */
final class RedisCommandCount {
  private static final int TIMEOUT_MILLIS = 2_000;
  private static final byte[] INFO =
      "*2\r\n$4\r\nINFO\r\n$12\r\ncommandstats\r\n".getBytes(StandardCharsets.US_ASCII);

  private final URI redisUrl;

  RedisCommandCount(URI redisUrl) {
    this.redisUrl = Objects.requireNonNull(redisUrl, "redisUrl");
  }

  /** The commands executed so far by lower-case name, or empty when they cannot be read. */
  Optional<Map<String, Long>> read() {
    if (!"redis".equals(redisUrl.getScheme())
        || redisUrl.getUserInfo() != null
        || redisUrl.getHost() == null) {
      return Optional.empty();
    }
    int port = redisUrl.getPort() == -1 ? 6379 : redisUrl.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(redisUrl.getHost(), port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(INFO);
      out.flush();
      return Optional.of(parse(bulkReply(socket.getInputStream())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The {@code calls=} of every {@code cmdstat_<name>:} line except INFO's, by name. */
  static Map<String, Long> parse(String commandStats) {
    Map<String, Long> calls = new TreeMap<>();
    for (String line : commandStats.split("\r?\n")) {
      int colon = line.indexOf(':');
      int at = line.indexOf("calls=");
      if (!line.startsWith("cmdstat_") || colon < 0 || at < 0) {
        continue;
      }
      String name = line.substring("cmdstat_".length(), colon);
      int end = at + "calls=".length();
      while (end < line.length() && Character.isDigit(line.charAt(end))) {
        end++;
      }
      if (!name.equals("info")) {
        calls.put(name, Long.parseLong(line.substring(at + "calls=".length(), end)));
      }
    }
    return calls;
  }

  /** All commands in {@code byName}. */
  static long total(Map<String, Long> byName) {
    return byName.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The commands between two readings by name, scaled so that they add up to {@code perOperation};
   * empty when a reading or the figure is missing.
   */
  static Map<String, Double> perOperation(
      Optional<Map<String, Long>> before, Optional<Map<String, Long>> after, double perOperation) {
    Map<String, Double> split = new TreeMap<>();
    if (before.isEmpty() || after.isEmpty() || Double.isNaN(perOperation)) {
      return split;
    }
    long all = total(after.get()) - total(before.get());
    for (Map.Entry<String, Long> e : after.get().entrySet()) {
      long n = e.getValue() - before.get().getOrDefault(e.getKey(), 0L);
      if (n > 0) {
        split.put(e.getKey(), perOperation * n / all);
      }
    }
    return split;
  }

  private static String bulkReply(InputStream in) throws IOException {
    String header = line(in);
    if (!header.startsWith("$")) {
      throw new IOException("not a bulk reply: " + header);
    }
    int length = Integer.parseInt(header.substring(1));
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new IOException("short reply");
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        buffer.write(b);
      }
    }
    return buffer.toString(StandardCharsets.US_ASCII);
  }
}
