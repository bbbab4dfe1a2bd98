package com.syncwell.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshingCredentialsTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private final MutableClock clock = new MutableClock(NOW);
  private final List<TokenSet> persisted = new CopyOnWriteArrayList<>();
  private final CountingOAuth oauth = new CountingOAuth();

  private static TokenSet tokens(String access, String refresh, Instant expiresAt) {
    return new TokenSet(
        access, Optional.ofNullable(refresh), expiresAt, Set.of("read"), Optional.of("athlete-1"));
  }

  private RefreshingCredentials credentials(TokenSet initial) {
    return new RefreshingCredentials(initial, oauth, persisted::add, clock);
  }

  @Test
  void a_token_far_from_expiry_is_used_as_it_is() {
    RefreshingCredentials c = credentials(tokens("a1", "r1", NOW.plus(Duration.ofHours(1))));

    assertThat(c.accessToken()).isEqualTo("a1");
    assertThat(oauth.refreshes).hasValue(0);
  }

  @Test
  void a_token_expiring_within_five_minutes_is_refreshed_and_persisted_first() {
    RefreshingCredentials c = credentials(tokens("a1", "r1", NOW.plus(Duration.ofMinutes(4))));

    String token = c.accessToken();

    assertThat(token).isEqualTo("access-1");
    assertThat(persisted).hasSize(1);
    assertThat(persisted.getFirst().accessToken()).isEqualTo("access-1");
    assertThat(persisted.getFirst().refreshToken()).contains("refresh-1");
  }

  @Test
  void a_refresh_without_a_new_refresh_token_keeps_the_old_one() {
    oauth.rotate = false;
    RefreshingCredentials c = credentials(tokens("a1", "r1", NOW));

    c.accessToken();

    assertThat(c.tokens().refreshToken()).contains("r1");
    assertThat(c.tokens().providerUserId()).contains("athlete-1");
  }

  @Test
  void when_persisting_fails_the_new_token_is_not_handed_out() {
    RefreshingCredentials c =
        new RefreshingCredentials(
            tokens("a1", "r1", NOW),
            oauth,
            t -> {
              throw new IllegalStateException("store down");
            },
            clock);

    assertThatThrownBy(c::accessToken).hasMessageContaining("store down");
    assertThat(c.tokens().accessToken()).isEqualTo("a1");
  }

  @Test
  void without_a_refresh_token_an_expired_grant_is_revoked() {
    RefreshingCredentials c = credentials(tokens("a1", null, NOW));

    assertThatThrownBy(c::accessToken)
        .isInstanceOfSatisfying(
            AuthorizationRevoked.class, e -> assertThat(e.provider()).isEqualTo("test"));
  }

  @Test
  void renewing_after_a_stale_rejection_returns_the_newer_token_without_refreshing_again() {
    RefreshingCredentials c = credentials(tokens("a1", "r1", NOW.plus(Duration.ofHours(1))));

    String renewed = c.renewAfter("a1");
    String again = c.renewAfter("a1");

    assertThat(renewed).isEqualTo("access-1");
    assertThat(again).isEqualTo("access-1");
    assertThat(oauth.refreshes).hasValue(1);
  }

  @Test
  void two_threads_rejected_at_once_cause_one_refresh() throws Exception {
    RefreshingCredentials c = credentials(tokens("a1", "r1", NOW.plus(Duration.ofHours(1))));
    oauth.gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<String> first = pool.submit(() -> awaitThen(start, () -> c.renewAfter("a1")));
      Future<String> second = pool.submit(() -> awaitThen(start, () -> c.renewAfter("a1")));
      start.countDown();
      assertThat(oauth.entered.await(10, TimeUnit.SECONDS)).isTrue();
      oauth.gate.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("access-1");
      assertThat(oauth.refreshes).hasValue(1);
      assertThat(persisted).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String awaitThen(CountDownLatch start, java.util.concurrent.Callable<String> work)
      throws Exception {
    start.await();
    return work.call();
  }

  /** Counts refreshes; can hold a refresh at a gate so a second thread arrives meanwhile. */
  private static final class CountingOAuth implements OAuthClient {
    final AtomicInteger refreshes = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    volatile CountDownLatch gate = new CountDownLatch(0);
    volatile boolean rotate = true;

    @Override
    public String provider() {
      return "test";
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TokenSet exchangeCode(String code, String codeVerifier, URI redirectUri) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TokenSet refresh(TokenSet current) {
      entered.countDown();
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int n = refreshes.incrementAndGet();
      return new TokenSet(
          "access-" + n,
          rotate ? Optional.of("refresh-" + n) : Optional.empty(),
          NOW.plus(Duration.ofHours(6)),
          Set.of(),
          Optional.empty());
    }

    @Override
    public void revoke(TokenSet tokens) {}
  }
}
