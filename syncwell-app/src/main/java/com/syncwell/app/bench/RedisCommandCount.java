package com.syncwell.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How many commands a Redis server has executed ({@code INFO commandstats}, summed, without the
 * {@code INFO} calls themselves), read over a plain connection of its own in the Redis protocol.
 * Only for {@code redis://host:port} without a password; otherwise, or when the server does not
 * answer within {@value #TIMEOUT_MILLIS} ms, empty.
 */
final class RedisCommandCount {
  private static final int TIMEOUT_MILLIS = 2_000;
  private static final byte[] INFO =
      "*2\r\n$4\r\nINFO\r\n$12\r\ncommandstats\r\n".getBytes(StandardCharsets.US_ASCII);

  private final URI redisUrl;

  RedisCommandCount(URI redisUrl) {
    this.redisUrl = Objects.requireNonNull(redisUrl, "redisUrl");
  }

  /** The commands executed so far, or empty when they cannot be read. */
  OptionalLong read() {
    if (!"redis".equals(redisUrl.getScheme())
        || redisUrl.getUserInfo() != null
        || redisUrl.getHost() == null) {
      return OptionalLong.empty();
    }
    int port = redisUrl.getPort() == -1 ? 6379 : redisUrl.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(redisUrl.getHost(), port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(INFO);
      out.flush();
      return OptionalLong.of(sum(bulkReply(socket.getInputStream())));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** Sums {@code calls=} of every {@code cmdstat_} line except INFO's. */
  static long sum(String commandStats) {
    long total = 0;
    for (String line : commandStats.split("\r?\n")) {
      if (!line.startsWith("cmdstat_") || line.startsWith("cmdstat_info:")) {
        continue;
      }
      int at = line.indexOf("calls=");
      if (at < 0) {
        continue;
      }
      int end = at + "calls=".length();
      while (end < line.length() && Character.isDigit(line.charAt(end))) {
        end++;
      }
      total += Long.parseLong(line.substring(at + "calls=".length(), end));
    }
    return total;
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
