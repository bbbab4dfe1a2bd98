package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.RateSettings;
import com.syncwell.api.http.Route;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulStopTest {

  @Test
  void stop_refuses_new_connections_and_lets_the_request_in_flight_finish(@TempDir Path dir)
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Route hold =
        Route.open(
            "GET",
            "/v1/test/hold",
            r -> {
              entered.countDown();
              try {
                release.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ApiResponse.json(200, Map.of("finished", true));
            });
    try (ApiBed bed =
        new ApiBed(dir, new UnlimitedRateLimiter(), RateSettings.defaults(), List.of(hold))) {
      int port = bed.server.port();
      CompletableFuture<HttpResponse<String>> held =
          bed.http.sendAsync(
              bed.request("/v1/test/hold", null).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(bed.server::stop);
      assertThat(awaitRefused(port)).as("new connections refused while draining").isTrue();
      assertThat(stopping).as("stop waits for the held request").isNotDone();
      assertThat(held).isNotDone();

      release.countDown();
      HttpResponse<String> response = held.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"finished\":true}");
      stopping.get(10, TimeUnit.SECONDS);
    }
  }

  /** Polls (bounded) until a fresh connection to {@code port} is refused. */
  private static boolean awaitRefused(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (HttpClient fresh =
          HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
        fresh.send(
            HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException refused) {
        return true;
      }
      Thread.onSpinWait();
    }
    return false;
  }
}
