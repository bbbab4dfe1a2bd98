package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.api.http.RateSettings;
import com.syncwell.connector.TokenSet;
import com.syncwell.engine.store.ConnectionCreated;
import com.syncwell.simulator.ProviderSimulator;
import com.syncwell.simulator.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over 10,000 random and malformed requests from seeded {@link Random}s (bad JSON, wrong types,
 * huge numbers, deep nesting, unicode, missing and unknown fields, wrong and made-up methods,
 * random paths, query strings and headers, random or absent tokens, and raw bytes a client library
 * would refuse to send): no answer is a 5xx, every error is problem+json with a code, and no body
 * leaks a stack trace, an exception or a class name. The one 5xx allowed is Jetty's 505 for a
 * request line that claims HTTP/9.9 (RFC 9110 §15.6.6 gives that status to the client's error).
 */
class FuzzTest {
  private static final long SEED = 20_260_101L;
  private static final int THREADS = 8;
  private static final int REQUESTS_PER_THREAD = 1_250;
  private static final int RAW_REQUESTS = 400;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOT_HTTP_1 = "RAW (not HTTP/1.x) ";

  private static final String[] TEMPLATES = {
    "/healthz",
    "/readyz",
    "/metrics",
    "/v1/openapi.yaml",
    "/v1/providers",
    "/v1/users/me",
    "/v1/users/me/settings",
    "/v1/connections/authorizations",
    "/v1/connections",
    "/v1/connections/{id}",
    "/v1/sync-configs",
    "/v1/sync-configs/{id}",
    "/v1/sync-jobs",
    "/v1/sync-jobs/{id}",
    "/v1/export-jobs",
    "/v1/export-jobs/{id}",
    "/v1/webhooks/{provider}",
  };
  private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};
  private static final String[] ODD_METHODS = {
    "HEAD", "OPTIONS", "TRACE", "FOO", "PROPFIND", "Get"
  };
  private static final String[] FIELDS = {
    "provider",
    "redirectUri",
    "codeChallenge",
    "code",
    "codeVerifier",
    "state",
    "sourceConnectionId",
    "destinationConnectionId",
    "dataType",
    "strategy",
    "enabled",
    "syncConfigId",
    "mode",
    "dateRange",
    "from",
    "to",
    "defaultConflictStrategy",
    "notificationsEnabled",
    "userId",
    "limit",
    "extra"
  };
  private static final String[] WORDS = {
    "workout",
    "steps",
    "sleep_session",
    "weight",
    "heart_rate",
    "mood",
    "source_wins",
    "dest_wins",
    "newest_wins",
    "manual",
    "historical",
    "fitbit",
    "strava",
    "garmin",
    "2026-01-31",
    "2026-13-45",
    "https://app.example/cb",
    "http://127.0.0.1/cb",
    "javascript:alert(1)",
    "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    "",
    " ",
    "null",
    "'; DROP TABLE items; --",
    "../../etc/passwd",
    "USER#user-b",
    "%00",
    "\u0000",
    "\uD83D\uDE00 emoji",
    "\u202Eright-to-left",
    "日本語",
    "\\u0041",
    "\"quoted\""
  };

  @TempDir Path dir;
  ProviderSimulator sim;
  ApiBed bed;
  final List<String> knownIds = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() {
    sim = ProviderSimulator.start(SimulatorOptions.defaults());
    bed =
        new ApiBed(
            dir,
            ApiBed.options()
                .connectors(SimulatorConnectors.of(sim))
                .limited(new RateSettings(1_000_000, 1_000_000, 10_000_000, List.of())));
    for (String user : new String[] {"user-a", "user-b"}) {
      for (String provider : new String[] {"fitbit", "strava"}) {
        TokenSet tokens =
            new TokenSet(
                "fuzz-access",
                Optional.of("fuzz-refresh"),
                Instant.parse("2030-01-01T00:00:00Z"),
                Set.of(),
                Optional.of(user + "-" + provider));
        knownIds.add(
            ((ConnectionCreated)
                    bed.connections.create(user, provider, user + "-" + provider, tokens))
                .connection()
                .connectionId());
      }
    }
    Flows flows = new Flows(bed);
    String config =
        flows.config("user-a", knownIds.get(0), knownIds.get(1)).path("syncConfigId").asText();
    knownIds.add(config);
    knownIds.add(flows.sync("user-a", config, "seed").path("jobId").asText());
    knownIds.add(
        bed.send(
                bed.request("/v1/export-jobs", "user-a")
                    .header("Idempotency-Key", "seed-export")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build())
            .json()
            .path("exportId")
            .asText());
  }

  @AfterEach
  void stop() {
    bed.close();
    sim.close();
  }

  @Test
  void ten_thousand_random_and_malformed_requests_never_fail_the_server_or_leak() throws Exception {
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Random random = new Random(SEED + t);
        workers.add(
            pool.submit(
                () -> {
                  try (HttpClient client =
                      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                      fuzzOne(random, client, violations);
                      sent.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      Random raw = new Random(SEED - 1);
      workers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < RAW_REQUESTS; i++) {
                  rawOne(raw, violations);
                  sent.incrementAndGet();
                }
                return null;
              }));
      for (Future<?> w : workers) {
        w.get();
      }
    }
    assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
    assertThat(violations).as("%d violations", violations.size()).isEmpty();
  }

  private final ThreadLocal<String> previous = ThreadLocal.withInitial(() -> "-");

  private void fuzzOne(Random r, HttpClient client, List<String> violations) {
    String method =
        r.nextInt(10) == 0 ? ODD_METHODS[r.nextInt(ODD_METHODS.length)] : METHODS[r.nextInt(5)];
    String path = path(r);
    String query = query(r);
    byte[] body = body(r);
    HttpRequest.Builder b;
    try {
      b =
          HttpRequest.newBuilder(bed.uri(path + query))
              .timeout(Duration.ofSeconds(30))
              .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    } catch (IllegalArgumentException unsendable) {
      return;
    }
    headers(r, b);
    HttpResponse<byte[]> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      violations.add(method + " " + path + query + ": I/O " + e + " AFTER " + previous.get());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    String where = method + " " + path + query;
    previous.set(
        where
            + " body="
            + body.length
            + " status="
            + response.statusCode()
            + " "
            + response.headers().map());
    check(
        where,
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.headers().firstValue("X-Correlation-Id").isPresent(),
        response.body(),
        method.equals("HEAD"),
        violations);
  }

  private static void check(
      String where,
      int status,
      String contentType,
      boolean hasCorrelationId,
      byte[] body,
      boolean head,
      List<String> violations) {
    if (status >= 500 && !(status == 505 && where.startsWith(NOT_HTTP_1))) {
      violations.add(where + ": " + status + " " + new String(body, StandardCharsets.UTF_8));
      return;
    }
    if (!hasCorrelationId) {
      violations.add(where + ": no X-Correlation-Id");
    }
    String text = new String(body, StandardCharsets.UTF_8);
    for (String leak :
        new String[] {"Exception", "com.syncwell", "java.", "\tat ", "jetty", "Jetty", "javalin"}) {
      if (text.contains(leak)) {
        violations.add(where + ": body leaks '" + leak + "': " + abbreviate(text));
      }
    }
    if (status >= 400 && !head) {
      if (!contentType.startsWith("application/problem+json")) {
        violations.add(where + ": " + status + " as " + contentType + ": " + abbreviate(text));
        return;
      }
      try {
        JsonNode p = JSON.readTree(body);
        if (!p.path("code").isTextual()
            || p.path("status").asInt() != status
            || !p.path("type").asText().startsWith("https://syncwell.dev/problems/")
            || !p.path("correlationId").isTextual()) {
          violations.add(where + ": not a full problem: " + abbreviate(text));
        }
      } catch (IOException e) {
        violations.add(where + ": problem body is not JSON: " + abbreviate(text));
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private String path(Random r) {
    String template = TEMPLATES[r.nextInt(TEMPLATES.length)];
    String path = template.replace("{id}", id(r)).replace("{provider}", provider(r));
    switch (r.nextInt(10)) {
      case 0 -> path = path + "/";
      case 1 -> path = path + "/" + segment(r);
      case 2 -> path = "/" + segment(r) + "/" + segment(r);
      case 3 -> path = path.toUpperCase(java.util.Locale.ROOT);
      case 4 -> path = path.replace("/v1/", "/v2/");
      case 5 -> path = "/" + segment(r);
      default -> {}
    }
    return path;
  }

  private String id(Random r) {
    return switch (r.nextInt(6)) {
      case 0, 1 -> knownIds.get(r.nextInt(knownIds.size()));
      case 2 -> "conn_" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
      case 3 -> segment(r);
      case 4 -> "x".repeat(1 + r.nextInt(300));
      default -> "%E2%9C%93%23%00" + r.nextInt(100);
    };
  }

  private static String provider(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> "strava";
      case 1 -> "fitbit";
      case 2 -> "garmin";
      default -> segment(r);
    };
  }

  /** A percent-encoded random path segment (what a client library accepts). */
  private static String segment(Random r) {
    String raw = randomText(r, 1 + r.nextInt(20));
    return java.net.URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> "?limit=" + (r.nextInt(300) - 50);
      case 1 -> "?limit=" + randomWordEncoded(r) + "&pageToken=" + randomWordEncoded(r);
      case 2 ->
          "?pageToken=" + java.net.URLEncoder.encode(randomText(r, 50), StandardCharsets.UTF_8);
      case 3 ->
          "?hub.mode=subscribe&hub.verify_token="
              + randomWordEncoded(r)
              + "&hub.challenge="
              + randomWordEncoded(r);
      default -> "";
    };
  }

  private static String randomWordEncoded(Random r) {
    return java.net.URLEncoder.encode(WORDS[r.nextInt(WORDS.length)], StandardCharsets.UTF_8);
  }

  private void headers(Random r, HttpRequest.Builder b) {
    switch (r.nextInt(8)) {
      case 0 -> {}
      case 1 -> b.header("Authorization", "Bearer user-b");
      case 2 -> b.header("Authorization", "Basic dXNlcjpwYXNz");
      case 3 -> b.header("Authorization", "Bearer " + printable(r, 1 + r.nextInt(200)));
      case 4 -> b.header("Authorization", "Bearer " + "a".repeat(9000));
      default -> b.header("Authorization", "Bearer user-a");
    }
    switch (r.nextInt(6)) {
      case 0 -> {}
      case 1 -> b.header("Content-Type", "text/plain");
      case 2 -> b.header("Content-Type", printable(r, 1 + r.nextInt(30)));
      case 3 -> b.header("Content-Type", "application/json; charset=utf-16");
      default -> b.header("Content-Type", "application/json");
    }
    if (r.nextInt(3) == 0) {
      b.header(
          "Idempotency-Key",
          r.nextBoolean() ? printable(r, 1 + r.nextInt(300)) : "key-" + r.nextInt(50));
    }
    if (r.nextInt(4) == 0) {
      b.header("If-Match", r.nextBoolean() ? "\"" + r.nextInt(5) + "\"" : printable(r, 10));
    }
    if (r.nextInt(4) == 0) {
      b.header("X-Correlation-Id", printable(r, r.nextInt(80) + 1));
    }
    if (r.nextInt(5) == 0) {
      b.header(
          "X-Forwarded-For",
          r.nextBoolean()
              ? (r.nextInt(256)
                  + "."
                  + r.nextInt(256)
                  + "."
                  + r.nextInt(256)
                  + "."
                  + r.nextInt(256))
              : printable(r, 40));
    }
    if (r.nextInt(5) == 0) {
      b.header("X-" + Integer.toString(r.nextInt(1_000_000), 36), printable(r, r.nextInt(100) + 1));
    }
  }

  private byte[] body(Random r) {
    String text =
        switch (r.nextInt(14)) {
          case 0 -> "";
          case 1 -> {
            byte[] raw = new byte[r.nextInt(200)];
            r.nextBytes(raw);
            yield new String(raw, StandardCharsets.ISO_8859_1);
          }
          case 2 -> {
            String valid = object(r, 0);
            yield valid.substring(0, r.nextInt(Math.max(1, valid.length())));
          }
          case 3 -> {
            int depth = 1 + r.nextInt(3000);
            yield "[".repeat(depth) + "]".repeat(r.nextBoolean() ? depth : depth / 2);
          }
          case 4 -> "{\"limit\":" + "9".repeat(1 + r.nextInt(500)) + "}";
          case 5 ->
              "{\""
                  + FIELDS[r.nextInt(FIELDS.length)]
                  + "\":"
                  + "[".repeat(200)
                  + "]".repeat(200)
                  + "}";
          case 6 -> "{\"x\":\"" + "y".repeat(60_000 + r.nextInt(10_000)) + "\"}";
          case 7 -> value(r, 0);
          case 8 -> "{\"enabled\":1e400,\"limit\":-0.0e-999}";
          case 9 -> "{\"strategy\":\"\\ud800\",\"dataType\":\"\\u0000\"}";
          case 10 -> syncJobBody(r);
          default -> object(r, 0);
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String syncJobBody(Random r) {
    String a = knownIds.get(r.nextInt(knownIds.size()));
    String b = knownIds.get(r.nextInt(knownIds.size()));
    return r.nextBoolean()
        ? "{\"syncConfigId\":\"" + a + "\"}"
        : "{\"sourceConnectionId\":\""
            + a
            + "\",\"destinationConnectionId\":\""
            + b
            + "\",\"dataType\":\""
            + WORDS[r.nextInt(5)]
            + "\",\"mode\":\"manual\"}";
  }

  private String object(Random r, int depth) {
    StringBuilder o = new StringBuilder("{");
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        o.append(',');
      }
      o.append('"')
          .append(FIELDS[r.nextInt(FIELDS.length)])
          .append("\":")
          .append(value(r, depth + 1));
    }
    return o.append('}').toString();
  }

  private String value(Random r, int depth) {
    return switch (depth > 4 ? r.nextInt(6) : r.nextInt(9)) {
      case 0 -> "null";
      case 1 -> Boolean.toString(r.nextBoolean());
      case 2 -> Long.toString(r.nextLong());
      case 3 ->
          r.nextBoolean()
              ? Double.toString(r.nextGaussian() * 1e10)
              : "1" + "0".repeat(r.nextInt(40));
      case 4 -> quote(WORDS[r.nextInt(WORDS.length)]);
      case 5 -> quote(knownIds.get(r.nextInt(knownIds.size())));
      case 6 -> quote(randomText(r, r.nextInt(40)));
      case 7 -> {
        StringBuilder a = new StringBuilder("[");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.append(i > 0 ? "," : "").append(value(r, depth + 1));
        }
        yield a.append(']').toString();
      }
      default -> object(r, depth + 1);
    };
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Random text over ASCII, Latin, CJK, emoji and control characters. */
  private static String randomText(Random r, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (r.nextInt(6)) {
        case 0 -> s.append((char) (r.nextInt(32)));
        case 1 -> s.append((char) (0x4E00 + r.nextInt(500)));
        case 2 -> s.appendCodePoint(0x1F600 + r.nextInt(80));
        case 3 -> s.append((char) (0xA0 + r.nextInt(200)));
        default -> s.append((char) (0x21 + r.nextInt(94)));
      }
    }
    return s.toString();
  }

  /** Printable ASCII, what a header value may hold. */
  private static String printable(Random r, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append((char) (0x20 + r.nextInt(95)));
    }
    return s.toString().strip().isEmpty() ? "x" : s.toString().strip();
  }

  /** Requests no client library would send, written to a socket as raw bytes. */
  private void rawOne(Random r, List<String> violations) {
    String target =
        switch (r.nextInt(8)) {
          case 0 -> "/v1/%zz";
          case 1 -> "/v1/connections/%" + Integer.toHexString(r.nextInt(256));
          case 2 -> "/../../etc/passwd";
          case 3 -> "http://evil.example/v1/providers";
          case 4 -> "/v1/sync-jobs?limit=%%%";
          case 5 -> "/" + printable(r, 20).replace(" ", "");
          case 6 -> "*";
          default -> "/v1/providers;jsessionid=1";
        };
    String request =
        switch (r.nextInt(8)) {
          case 0 -> printable(r, 30) + "\r\n\r\n";
          case 1 -> "GET " + target + " HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n";
          case 2 ->
              "GET "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\nX-Big: "
                  + "b".repeat(20_000)
                  + "\r\nConnection: close\r\n\r\n";
          case 3 ->
              "GET "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\nBroken header line\r\nConnection: close\r\n\r\n";
          case 4 ->
              "POST /v1/sync-configs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer user-a\r\n"
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                  + "Connection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n";
          case 5 ->
              "POST /v1/sync-configs HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n"
                  + "Connection: close\r\n\r\n";
          case 6 ->
              "GET "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer user-a\r\n"
                  + "Connection: close\r\n\r\n";
          default -> "G\u0000T / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        };
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", bed.server.port()), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      byte[] response = readAll(socket.getInputStream());
      if (response.length == 0) {
        return; // the server may just close on garbage
      }
      String text = new String(response, StandardCharsets.ISO_8859_1);
      int headerEnd = text.indexOf("\r\n\r\n");
      String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
      byte[] body =
          headerEnd < 0
              ? new byte[0]
              : java.util.Arrays.copyOfRange(response, headerEnd + 4, response.length);
      String[] statusLine = head.split("\r\n", 2)[0].split(" ");
      int status = Integer.parseInt(statusLine[1]);
      String contentType = header(head, "content-type");
      boolean chunked = header(head, "transfer-encoding").contains("chunked");
      if (chunked) {
        body = dechunk(body);
      }
      String requestLine = request.split("\r\n", 2)[0];
      boolean http1 = requestLine.endsWith(" HTTP/1.1") || requestLine.endsWith(" HTTP/1.0");
      check(
          (http1 ? "RAW " : NOT_HTTP_1) + abbreviate(requestLine),
          status,
          contentType,
          !header(head, "x-correlation-id").isEmpty(),
          body,
          false,
          violations);
    } catch (IOException e) {
      // A connection the server reset on garbage is a fine answer.
    } catch (RuntimeException e) {
      violations.add("RAW " + abbreviate(request) + ": unparseable answer " + e);
    }
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String s = new String(chunked, StandardCharsets.ISO_8859_1);
    int i = 0;
    while (i < s.length()) {
      int eol = s.indexOf("\r\n", i);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(s.substring(i, eol).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, eol + 2, size);
      i = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }
}
