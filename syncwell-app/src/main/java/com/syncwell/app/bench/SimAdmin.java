package com.syncwell.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Adds workouts at the source through the simulator's {@code /_sim} admin endpoints (loopback). */
final class SimAdmin {
  private final HttpClient http;
  private final String base;

  SimAdmin(HttpClient http, String simulatorBaseUrl) {
    this.http = http;
    this.base = simulatorBaseUrl;
  }

  /** A short walk without GPS: summary only, no streams. */
  void addLightWorkout(String simUser, Instant start) {
    post(
        simUser,
        String.format(
            Locale.ROOT,
            "{\"sport\":\"WALKING\",\"start\":\"%s\",\"elapsedSeconds\":1500,\"distanceMetres\":0,"
                + "\"gps\":false}",
            start.truncatedTo(ChronoUnit.SECONDS)));
  }

  /** A long ride with GPS, altitude, heart rate, cadence and power streams. */
  void addHeavyWorkout(String simUser, Instant start, Duration elapsed) {
    post(
        simUser,
        String.format(
            Locale.ROOT,
            "{\"sport\":\"CYCLING\",\"start\":\"%s\",\"elapsedSeconds\":%d,"
                + "\"distanceMetres\":%d,\"gps\":true}",
            start.truncatedTo(ChronoUnit.SECONDS),
            elapsed.toSeconds(),
            elapsed.toSeconds() * 8));
  }

  private void post(String simUser, String json) {
    URI uri =
        URI.create(
            base
                + "/_sim/users/"
                + URLEncoder.encode(simUser, StandardCharsets.UTF_8)
                + "/fitbit/workouts");
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "the simulator refused a workout: " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException("the simulator is unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
