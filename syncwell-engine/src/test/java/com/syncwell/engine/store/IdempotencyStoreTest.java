package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.table.ItemKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyStoreTest {
  private static final String HASH = "sha256:4f1c0d9e";
  private static final String OTHER_HASH = "sha256:77aa01b2";
  private static final String KEY = "b1c2d3e4-0001-4a5b-9c8d-create-job";
  private static final IdempotencyClaim IN_FLIGHT = new IdempotencyClaim.InFlight();
  private static final IdempotencyClaim KEY_REUSED = new IdempotencyClaim.KeyReused();

  @TempDir Path dir;
  private StoreFixture fx;
  private IdempotencyStore store;
  private ExecutorService pool;

  @BeforeEach
  void open() {
    fx = new StoreFixture(dir);
    store = new IdempotencyStore(fx.table, fx.clock);
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
    fx.close();
  }

  @Test
  void a_first_request_proceeds_and_its_completed_response_replays_byte_for_byte() {
    byte[] body = new byte[256];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Location", "/v1/sync-jobs/job_01J0000000000000000000000");
    headers.put("X-Note", "Grüße ✓");
    StoredResponse response = new StoredResponse(202, "application/json", headers, body);

    IdempotencyClaim first = store.begin("u1", KEY, HASH);
    store.complete("u1", KEY, held(first), response);
    IdempotencyClaim again = store.begin("u1", KEY, HASH);

    assertThat(held(first)).isEqualTo(new IdempotencyClaim.Proceed(HASH, fx.clock.instant(), 1));
    assertThat(again).isEqualTo(new IdempotencyClaim.Replay(response));
    StoredResponse replayed = ((IdempotencyClaim.Replay) again).response();
    assertThat(replayed.body()).containsExactly(body);
    assertThat(replayed.headers()).containsExactlyEntriesOf(headers);
    assertThat(replayed.contentType()).isEqualTo("application/json");
  }

  @Test
  void a_response_without_content_type_headers_or_body_replays_as_it_was() {
    StoredResponse noContent = StoredResponse.statusOnly(204);
    store.complete("u1", KEY, held(store.begin("u1", KEY, HASH)), noContent);

    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(noContent));
  }

  @Test
  void the_same_key_with_another_request_hash_is_key_reused() {
    store.complete("u1", KEY, held(store.begin("u1", KEY, HASH)), created());

    assertThat(store.begin("u1", KEY, OTHER_HASH)).isEqualTo(KEY_REUSED);
    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(created()));
  }

  @Test
  void a_request_while_the_first_still_runs_is_in_flight_whatever_its_hash() {
    store.begin("u1", KEY, HASH);

    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(IN_FLIGHT);
    assertThat(store.begin("u1", KEY, OTHER_HASH)).isEqualTo(IN_FLIGHT);
  }

  @Test
  void a_claim_holds_for_its_whole_lease() {
    store.begin("u1", KEY, HASH);

    fx.clock.advance(IdempotencyStore.IN_FLIGHT_LEASE.minusMillis(1));

    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(IN_FLIGHT);
  }

  @Test
  void a_claim_whose_lease_expired_is_taken_over_by_the_same_request() {
    store.begin("u1", KEY, HASH);

    fx.clock.advance(IdempotencyStore.IN_FLIGHT_LEASE);
    IdempotencyClaim takeover = store.begin("u1", KEY, HASH);
    IdempotencyClaim next = store.begin("u1", KEY, HASH);

    assertThat(held(takeover).claimVersion()).isEqualTo(2);
    assertThat(held(takeover).claimedAt()).isEqualTo(fx.clock.instant());
    assertThat(next).isEqualTo(IN_FLIGHT);
  }

  @Test
  void a_claim_whose_lease_expired_is_never_taken_over_by_another_request() {
    store.begin("u1", KEY, HASH);

    fx.clock.advance(IdempotencyStore.IN_FLIGHT_LEASE.multipliedBy(2));

    assertThat(store.begin("u1", KEY, OTHER_HASH)).isEqualTo(KEY_REUSED);
  }

  @Test
  void a_stalled_owner_changes_nothing_after_its_claim_was_taken_over() {
    IdempotencyClaim stalled = store.begin("u1", KEY, HASH);
    fx.clock.advance(IdempotencyStore.IN_FLIGHT_LEASE);
    IdempotencyClaim takeover = store.begin("u1", KEY, HASH);
    StoredResponse fromTakeover = new StoredResponse(202, "application/json", Map.of(), bytes("2"));
    StoredResponse fromStalled = new StoredResponse(202, "application/json", Map.of(), bytes("1"));

    store.complete("u1", KEY, held(stalled), fromStalled);
    store.release("u1", KEY, held(stalled));
    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(IN_FLIGHT);

    store.complete("u1", KEY, held(takeover), fromTakeover);
    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(fromTakeover));
  }

  @Test
  void of_two_racing_first_requests_exactly_one_proceeds() throws Exception {
    List<IdempotencyClaim> claims = race(8, () -> store.begin("u1", KEY, HASH));

    assertThat(claims.stream().filter(IdempotencyClaim.Proceed.class::isInstance))
        .singleElement()
        .extracting(c -> ((IdempotencyClaim.Proceed) c).claimVersion())
        .isEqualTo(1L);
    assertThat(claims.stream().filter(IN_FLIGHT::equals)).hasSize(7);
  }

  @Test
  void of_two_racing_takeovers_of_an_expired_claim_exactly_one_proceeds() throws Exception {
    store.begin("u1", KEY, HASH);
    fx.clock.advance(IdempotencyStore.IN_FLIGHT_LEASE);

    List<IdempotencyClaim> claims = race(8, () -> store.begin("u1", KEY, HASH));

    assertThat(claims.stream().filter(IdempotencyClaim.Proceed.class::isInstance))
        .singleElement()
        .extracting(c -> ((IdempotencyClaim.Proceed) c).claimVersion())
        .isEqualTo(2L);
    assertThat(claims.stream().filter(IN_FLIGHT::equals)).hasSize(7);
  }

  @Test
  void a_released_key_lets_the_next_request_proceed() {
    IdempotencyClaim claim = store.begin("u1", KEY, HASH);

    store.release("u1", KEY, held(claim));

    assertThat(store.begin("u1", KEY, OTHER_HASH)).isInstanceOf(IdempotencyClaim.Proceed.class);
  }

  @Test
  void release_by_a_stale_claim_or_after_completion_changes_nothing() {
    IdempotencyClaim claim = store.begin("u1", KEY, HASH);
    store.release(
        "u1",
        KEY,
        new IdempotencyClaim.Proceed(
            HASH, held(claim).claimedAt(), held(claim).claimVersion() + 1));
    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(IN_FLIGHT);

    store.complete("u1", KEY, held(claim), created());
    store.release("u1", KEY, held(claim));
    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(created()));
  }

  @Test
  void completing_a_released_claim_stores_nothing() {
    IdempotencyClaim claim = store.begin("u1", KEY, HASH);
    store.release("u1", KEY, held(claim));

    store.complete("u1", KEY, held(claim), created());

    assertThat(store.begin("u1", KEY, HASH)).isInstanceOf(IdempotencyClaim.Proceed.class);
  }

  @Test
  void a_second_completion_of_the_same_claim_changes_nothing() {
    IdempotencyClaim claim = store.begin("u1", KEY, HASH);
    store.complete("u1", KEY, held(claim), created());

    store.complete("u1", KEY, held(claim), StoredResponse.statusOnly(500));

    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(created()));
  }

  @Test
  void a_record_is_kept_for_twenty_four_hours_then_the_key_is_new_again() {
    store.complete("u1", KEY, held(store.begin("u1", KEY, HASH)), created());

    fx.clock.advance(IdempotencyStore.RETENTION.minusSeconds(1));
    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(created()));
    fx.clock.advance(Duration.ofSeconds(1));
    assertThat(store.begin("u1", KEY, OTHER_HASH)).isInstanceOf(IdempotencyClaim.Proceed.class);
  }

  @Test
  void a_record_completed_late_still_expires_twenty_four_hours_after_its_claim() {
    IdempotencyClaim claim = store.begin("u1", KEY, HASH);
    fx.clock.advance(Duration.ofSeconds(20));
    store.complete("u1", KEY, held(claim), created());

    fx.clock.advance(IdempotencyStore.RETENTION.minusSeconds(21));
    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(created()));
    fx.clock.advance(Duration.ofSeconds(1));
    assertThat(store.begin("u1", KEY, OTHER_HASH)).isInstanceOf(IdempotencyClaim.Proceed.class);
  }

  @Test
  void the_same_key_for_two_users_is_two_records() {
    store.complete("u1", KEY, held(store.begin("u1", KEY, HASH)), created());

    assertThat(held(store.begin("u2", KEY, OTHER_HASH)).claimVersion()).isEqualTo(1);
    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(created()));
    assertThat(fx.table.get(ItemKey.of("USER#u2", "IDEM#" + KEY))).isPresent();
  }

  @Test
  void a_response_too_large_to_keep_whole_replays_as_its_status_only() {
    byte[] big = new byte[StoredResponse.MAX_BODY_BYTES + 1];
    StoredResponse large =
        new StoredResponse(200, "application/json", Map.of("ETag", "\"7\""), big);
    IdempotencyClaim claim = store.begin("u1", KEY, HASH);

    store.complete("u1", KEY, held(claim), large);

    assertThat(large.fitsWhole()).isFalse();
    assertThat(store.begin("u1", KEY, HASH))
        .isEqualTo(new IdempotencyClaim.Replay(StoredResponse.statusOnly(200)));
  }

  @Test
  void a_body_of_exactly_sixty_four_kib_is_kept_whole() {
    byte[] body = new byte[StoredResponse.MAX_BODY_BYTES];
    body[body.length - 1] = 42;
    StoredResponse response = new StoredResponse(200, "application/octet-stream", Map.of(), body);
    IdempotencyClaim claim = store.begin("u1", KEY, HASH);

    store.complete("u1", KEY, held(claim), response);

    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(response));
  }

  @Test
  void keys_of_one_to_255_printable_ascii_characters_are_valid() {
    assertThat(IdempotencyStore.isValidKey("a")).isTrue();
    assertThat(IdempotencyStore.isValidKey("!~#/:{}")).isTrue();
    assertThat(IdempotencyStore.isValidKey("k".repeat(255))).isTrue();

    assertThat(IdempotencyStore.isValidKey(null)).isFalse();
    assertThat(IdempotencyStore.isValidKey("")).isFalse();
    assertThat(IdempotencyStore.isValidKey("k".repeat(256))).isFalse();
    assertThat(IdempotencyStore.isValidKey("with space")).isFalse();
    assertThat(IdempotencyStore.isValidKey("tab\there")).isFalse();
    assertThat(IdempotencyStore.isValidKey("del\u007f")).isFalse();
    assertThat(IdempotencyStore.isValidKey("schlüssel")).isFalse();
  }

  @Test
  void a_key_claimed_completed_in_one_write_replays_and_refuses_like_a_completed_claim() {
    IdempotencyClaim written = store.claimCompleted("u1", KEY, HASH, created());

    assertThat(held(written)).isEqualTo(new IdempotencyClaim.Proceed(HASH, fx.clock.instant(), 1));
    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(created()));
    assertThat(store.begin("u1", KEY, OTHER_HASH)).isEqualTo(KEY_REUSED);
    assertThat(store.claimCompleted("u1", KEY, HASH, StoredResponse.statusOnly(500)))
        .as("the first answer stays")
        .isEqualTo(new IdempotencyClaim.Replay(created()));

    fx.clock.advance(IdempotencyStore.RETENTION);
    assertThat(store.begin("u1", KEY, OTHER_HASH))
        .as("expired with its claim time")
        .isInstanceOf(IdempotencyClaim.Proceed.class);
  }

  @Test
  void claiming_completed_a_key_held_by_a_live_claim_writes_nothing() {
    IdempotencyClaim live = store.begin("u1", KEY, HASH);

    assertThat(store.claimCompleted("u1", KEY, HASH, created())).isEqualTo(IN_FLIGHT);
    assertThat(store.claimCompleted("u1", KEY, OTHER_HASH, created()))
        .as("in flight whatever the hash, as begin says")
        .isEqualTo(IN_FLIGHT);

    store.release("u1", KEY, held(live));
    assertThat(store.begin("u1", KEY, HASH))
        .as("the claim was still at its version, so it could be released")
        .isInstanceOf(IdempotencyClaim.Proceed.class);
  }

  @Test
  void claiming_completed_takes_over_an_expired_claim_of_the_same_request() {
    IdempotencyClaim stalled = store.begin("u1", KEY, HASH);
    fx.clock.advance(IdempotencyStore.IN_FLIGHT_LEASE);

    IdempotencyClaim takeover = store.claimCompleted("u1", KEY, HASH, created());
    store.release("u1", KEY, held(stalled));

    assertThat(held(takeover).claimVersion()).isEqualTo(2);
    assertThat(store.begin("u1", KEY, HASH)).isEqualTo(new IdempotencyClaim.Replay(created()));
  }

  @Test
  void of_racing_requests_claiming_completed_exactly_one_writes_and_the_rest_replay_it()
      throws Exception {
    List<IdempotencyClaim> claims = race(8, () -> store.claimCompleted("u1", KEY, HASH, created()));

    assertThat(claims.stream().filter(IdempotencyClaim.Proceed.class::isInstance)).hasSize(1);
    assertThat(claims.stream().filter(new IdempotencyClaim.Replay(created())::equals)).hasSize(7);
  }

  @Test
  void an_invalid_key_is_rejected_by_every_operation() {
    for (String bad : new String[] {null, "", "k".repeat(256), "with space", "schlüssel"}) {
      assertThatThrownBy(() -> store.begin("u1", bad, HASH))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  store.complete(
                      "u1", bad, new IdempotencyClaim.Proceed(HASH, Instant.EPOCH, 1), created()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> store.release("u1", bad, new IdempotencyClaim.Proceed(HASH, Instant.EPOCH, 1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.claimCompleted("u1", bad, HASH, created()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.begin("u1", KEY, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static IdempotencyClaim.Proceed held(IdempotencyClaim claim) {
    assertThat(claim).isInstanceOf(IdempotencyClaim.Proceed.class);
    return (IdempotencyClaim.Proceed) claim;
  }

  private static StoredResponse created() {
    return new StoredResponse(
        202,
        "application/json",
        Map.of("Location", "/v1/sync-jobs/job_1"),
        bytes("{\"jobId\":\"job_1\",\"status\":\"QUEUED\"}"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<IdempotencyClaim> race(int threads, Callable<IdempotencyClaim> call)
      throws Exception {
    pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<IdempotencyClaim>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(
          pool.submit(
              () -> {
                ready.countDown();
                start.await();
                return call.call();
              }));
    }
    assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
    start.countDown();
    List<IdempotencyClaim> claims = new ArrayList<>();
    for (Future<IdempotencyClaim> f : futures) {
      claims.add(f.get(30, TimeUnit.SECONDS));
    }
    return claims;
  }
}
