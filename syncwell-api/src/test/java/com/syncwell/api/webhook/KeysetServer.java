package com.syncwell.api.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Serves a public keyset on 127.0.0.1 (a free port) and counts the fetches. */
final class KeysetServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicReference<String> keyset = new AtomicReference<>("{}");
  private final AtomicInteger fetches = new AtomicInteger();

  KeysetServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/keyset.json",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = keyset.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/keyset.json");
  }

  void serve(String keysetJson) {
    keyset.set(keysetJson);
  }

  int fetches() {
    return fetches.get();
  }

  /** Takes the host down: connections are refused from now on. */
  @Override
  public void close() {
    server.stop(0);
  }
}
