package com.syncwell.api.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider's JWKS endpoint on 127.0.0.1: serves the public halves of the keys it is
 * given, counts every request, and can be switched to answer errors, to hang, or to go away.
 */
final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger fetches = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile String body = "{\"keys\":[]}";
  private volatile int status = 200;
  private volatile boolean hanging;

  private JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks.json", this::answer);
    server.setExecutor(executor);
    server.start();
  }

  static JwksServer publishing(JWK... keys) throws IOException {
    JwksServer server = new JwksServer();
    server.publish(keys);
    return server;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  /** From now on serves these keys' public halves (a rotation when they differ from before). */
  void publish(JWK... keys) {
    List<JWK> publicKeys = java.util.Arrays.stream(keys).map(JWK::toPublicJWK).toList();
    body = new JWKSet(publicKeys).toString();
    status = 200;
  }

  /** From now on serves this document as it is. */
  void publishRaw(String document) {
    body = document;
    status = 200;
  }

  /** From now on answers every request with this HTTP status and no keys. */
  void failWith(int httpStatus) {
    status = httpStatus;
  }

  /** From now on accepts requests but never answers (until closed). */
  void hang() {
    hanging = true;
  }

  /** Requests received so far, answered or not. */
  int fetches() {
    return fetches.get();
  }

  /** The host goes away: connections are refused from now on. */
  void goDown() {
    server.stop(0);
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void answer(HttpExchange exchange) throws IOException {
    fetches.incrementAndGet();
    try (exchange) {
      if (hanging) {
        try {
          released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      byte[] bytes =
          (status == 200 ? body : "{\"error\":\"unavailable\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
