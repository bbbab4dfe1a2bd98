package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.api.http.ApiRequest;
import com.syncwell.api.http.ApiResponse;
import com.syncwell.api.http.Problem;
import com.syncwell.api.http.Route;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.StoredItem;
import com.syncwell.testkit.Await;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route that answers in its commit ({@link Route#answeringInItsCommit()}): on the embedded store
 * its key is claimed inside that commit, never in flight, and a duplicate that loses the race rolls
 * its effects back and answers as the key stands. With separate commits (DynamoDB and SQS) the same
 * route is claimed before its handler runs, as every other route is.
 */
class IdempotencyInCommitTest {
  private static final String PATH = "/v1/test/effects";

  @TempDir Path dir;
  ApiBed bed;
  final AtomicInteger handlerRuns = new AtomicInteger();
  final AtomicInteger effects = new AtomicInteger();

  /**
   * The key's record (ARCHITECTURE.md §5: {@code USER#{id}} / {@code IDEM#{key}}) as the handler
   * starts.
   */
  final AtomicReference<Optional<StoredItem>> keyWhileRunning = new AtomicReference<>();

  final CountDownLatch held = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);

  private void start(ApiBed.Options options) {
    Route effectsRoute =
        Route.user("POST", PATH, this::effect).requiringIdempotencyKey().answeringInItsCommit();
    bed = new ApiBed(dir, options.routes(List.of(effectsRoute)));
  }

  /**
   * Writes one effect item and its answer in one commit. {@code X-Hold} waits for the test before
   * committing, {@code X-Refuse} answers 404 without effects, {@code X-Fail} fails before any.
   */
  private ApiResponse effect(ApiRequest r) {
    handlerRuns.incrementAndGet();
    keyWhileRunning.set(
        bed.table.get(
            ItemKey.of("USER#" + r.user(), "IDEM#" + r.header("Idempotency-Key").orElseThrow())));
    if (r.header("X-Refuse").isPresent()) {
      return Problem.of(404, "not_found", "Nothing here.").toResponse(r.correlationId());
    }
    if (r.header("X-Fail").isPresent()) {
      throw new StorageFailure("down before any effect", null);
    }
    if (r.header("X-Hold").isPresent()) {
      held.countDown();
      Await.released(release);
    }
    return bed.commits.together(
        () -> {
          int n = effects.incrementAndGet();
          bed.table.putIfAbsent(Item.builder("USER#" + r.user(), "EFFECT#" + n).build());
          ApiResponse answer = ApiResponse.json(201, Map.of("n", n));
          r.responseRecord().record(answer);
          return answer;
        });
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (bed != null) {
      bed.close();
    }
  }

  private ApiBed.Reply post(String body, String key, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Idempotency-Key";
    all[1] = key;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return bed.sendJson("POST", PATH, "user-a", body, all);
  }

  private CompletableFuture<HttpResponse<String>> postHeldInBackground(String body, String key) {
    return bed.http.sendAsync(
        bed.request(PATH, "user-a")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .header("X-Hold", "yes")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The answers of two requests with one key: the slow one held before its commit, the fast one.
   */
  private record Race(HttpResponse<String> slow, ApiBed.Reply fast) {}

  /**
   * Sends {@code slowBody} and holds its handler before the commit, sends {@code fastBody} with the
   * same key to the end, then lets the first one commit.
   */
  private Race race(String slowBody, String fastBody, String key) throws Exception {
    CompletableFuture<HttpResponse<String>> slow = postHeldInBackground(slowBody, key);
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
    ApiBed.Reply fast = post(fastBody, key);
    release.countDown();
    return new Race(slow.get(10, TimeUnit.SECONDS), fast);
  }

  private boolean effectStored(int n) {
    return bed.table.get(ItemKey.of("USER#user-a", "EFFECT#" + n)).isPresent();
  }

  @Test
  void no_claim_is_in_flight_while_the_handler_runs_and_a_retry_rolls_back_and_replays() {
    start(ApiBed.options());

    ApiBed.Reply first = post("{}", "k-1");
    assertThat(keyWhileRunning.get()).as("the key is claimed only in the commit").isEmpty();
    ApiBed.Reply again = post("{}", "k-1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(effects).as("the retry reached its commit").hasValue(2);
    assertThat(effectStored(1)).isTrue();
    assertThat(effectStored(2)).as("and it was rolled back").isFalse();
  }

  @Test
  void a_duplicate_that_commits_first_wins_and_the_other_rolls_back_and_replays_its_answer()
      throws Exception {
    start(ApiBed.options());
    Race race = race("{}", "{}", "k-2");
    ApiBed.Reply fast = race.fast();
    HttpResponse<String> slowReply = race.slow();

    assertThat(fast.status()).isEqualTo(201);
    assertThat(fast.json().path("n").asInt()).isEqualTo(1);
    assertThat(slowReply.statusCode()).isEqualTo(201);
    assertThat(slowReply.body()).isEqualTo(fast.text());
    assertThat(slowReply.headers().firstValue("Idempotency-Replayed")).contains("true");
    assertThat(effects).as("both handlers reached their commit").hasValue(2);
    assertThat(effectStored(1)).isTrue();
    assertThat(effectStored(2)).as("the loser's effect was rolled back").isFalse();
  }

  @Test
  void a_different_request_that_took_the_key_first_makes_the_other_422_without_effects()
      throws Exception {
    start(ApiBed.options());
    Race race = race("{\"a\":1}", "{\"a\":2}", "k-3");
    ApiBed.Reply fast = race.fast();
    HttpResponse<String> slowReply = race.slow();

    assertThat(fast.status()).isEqualTo(201);
    assertThat(slowReply.statusCode()).isEqualTo(422);
    assertThat(slowReply.body()).contains("idempotency_key_reused");
    assertThat(effectStored(2)).isFalse();
  }

  @Test
  void a_refusal_made_before_any_effect_is_recorded_after_the_handler_and_replayed() {
    start(ApiBed.options());

    ApiBed.Reply refused = post("{}", "k-4", "X-Refuse", "yes");
    ApiBed.Reply again = post("{}", "k-4");

    assertThat(refused.status()).isEqualTo(404);
    assertThat(again.status())
        .as("the retry would have succeeded; the key answers the first answer")
        .isEqualTo(404);
    assertThat(again.body()).isEqualTo(refused.body());
    assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(effectStored(1)).isFalse();
  }

  @Test
  void a_5xx_records_nothing_so_the_retry_runs_and_succeeds() {
    start(ApiBed.options());

    ApiBed.Reply failed = post("{}", "k-5", "X-Fail", "yes");
    ApiBed.Reply retried = post("{}", "k-5");

    PipelineTest.assertProblem(failed, 503, "service_unavailable");
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.header("Idempotency-Replayed")).isNull();
    assertThat(handlerRuns).hasValue(2);
    assertThat(effectStored(1)).isTrue();
  }

  @Test
  void with_separate_commits_the_key_is_claimed_before_the_handler_and_a_duplicate_is_409()
      throws Exception {
    start(ApiBed.options().separateCommits());
    CompletableFuture<HttpResponse<String>> slow = postHeldInBackground("{}", "k-6");
    assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

    ApiBed.Reply duplicate = post("{}", "k-6");
    release.countDown();

    PipelineTest.assertProblem(duplicate, 409, "idempotency_request_in_flight");
    assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    assertThat(keyWhileRunning.get()).as("claimed before the handler ran").isPresent();
    assertThat(effects).hasValue(1);
  }
}
