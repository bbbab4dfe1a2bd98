package com.syncwell.simulator;

import com.syncwell.connector.ChangePage;
import com.syncwell.connector.Cursor;
import com.syncwell.connector.OAuthClient;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RecordReader;
import com.syncwell.connector.RefreshingCredentials;
import com.syncwell.connector.TimeWindow;
import com.syncwell.connector.TokenSet;
import com.syncwell.connector.http.CallMeter;
import com.syncwell.domain.RecordRef;
import com.syncwell.domain.TrackPoint;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded simulator on port 0 with a fixed clock the tests move, and what a test needs to drive
 * a connector against it exactly as the app will: the simulator's {@code environment()}, the
 * connector's own {@link OAuthClient}, {@link RefreshingCredentials} and a plain client that
 * follows the authorize redirect by hand.
 */
final class ConnectorTestbed implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-12-01T10:07:00Z");

  final ProviderSimulator sim;
  final Map<String, String> env;
  final SimHttp http;

  /** The client the connectors get: the JDK default (HTTP/2 preferred), as the app builds it. */
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final AtomicInteger persisted = new AtomicInteger();

  ConnectorTestbed() {
    this(SimulatorOptions.defaults());
  }

  ConnectorTestbed(SimulatorOptions options) {
    sim = ProviderSimulator.start(options.withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    env = sim.environment();
    http = new SimHttp(sim);
  }

  /** The simulator's clock (moved by tests); connectors share it. */
  Clock clock() {
    return sim.clock();
  }

  TimeWindow last90Days() {
    return new TimeWindow(clock().instant().minus(Duration.ofDays(90)), clock().instant());
  }

  /**
   * Authorization URL from the connector → the simulator's redirect, followed by a plain client
   * without following it → {@code code} → the connector's {@code exchangeCode}.
   */
  TokenSet connect(OAuthClient oauth, String simUser) throws Exception {
    return new SimulatedConsent(http.client).approve(oauth, simUser);
  }

  ProviderSession session(OAuthClient oauth, TokenSet tokens) {
    RefreshingCredentials credentials =
        new RefreshingCredentials(tokens, oauth, t -> persisted.incrementAndGet(), clock());
    return new ProviderSession(
        "conn-" + tokens.providerUserId().orElse("?"), credentials, new CallMeter());
  }

  /** Every page of one listing until {@code more} is false; the cursors in order. */
  record Listing(List<RecordRef> records, List<Cursor> cursors) {
    Cursor last() {
      return cursors.getLast();
    }
  }

  static Listing listAll(
      RecordReader reader, ProviderSession session, Optional<Cursor> from, TimeWindow window) {
    List<RecordRef> records = new ArrayList<>();
    List<Cursor> cursors = new ArrayList<>();
    Optional<Cursor> cursor = from;
    for (int pages = 0; pages < 500; pages++) {
      ChangePage page = reader.listChanges(session, cursor, window);
      records.addAll(page.records());
      cursors.add(page.next());
      if (!page.more()) {
        return new Listing(records, cursors);
      }
      cursor = Optional.of(page.next());
    }
    throw new AssertionError("the listing did not end within 500 pages");
  }

  void faults(String json) throws Exception {
    HttpResponse<String> r = http.json("PUT", "/_sim/faults", null, json);
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError("faults: " + r.statusCode() + " " + r.body());
    }
  }

  void quotas(String json) throws Exception {
    HttpResponse<String> r = http.json("PUT", "/_sim/quotas", null, json);
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError("quotas: " + r.statusCode() + " " + r.body());
    }
  }

  /** A recorded run: one sample a second along a line, with heart rate and distance. */
  static List<TrackPoint> runSamples(Instant start, int seconds) {
    List<TrackPoint> out = new ArrayList<>();
    for (int i = 0; i <= seconds; i++) {
      out.add(
          new TrackPoint(
              start.plusSeconds(i),
              46.05 + i * 0.00002,
              14.50 + i * 0.00001,
              300.0 + (i % 20),
              i * 2.8,
              140 + (i % 15),
              85,
              null));
    }
    return out;
  }

  @Override
  public void close() {
    sim.close();
  }
}
