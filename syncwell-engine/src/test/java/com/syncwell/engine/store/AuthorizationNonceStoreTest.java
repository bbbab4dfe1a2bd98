package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorizationNonceStoreTest {
  @TempDir Path dir;
  private StoreFixture fx;
  private AuthorizationNonceStore nonces;

  @BeforeEach
  void open() {
    fx = new StoreFixture(dir);
    nonces = new AuthorizationNonceStore(fx.table, fx.clock);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private Instant inTenMinutes() {
    return fx.clock.instant().plus(Duration.ofMinutes(10));
  }

  @Test
  void a_nonce_is_used_once_per_user() {
    assertThat(nonces.recordFirstUse("user-1", "n1", inTenMinutes())).isTrue();
    assertThat(nonces.recordFirstUse("user-1", "n1", inTenMinutes())).isFalse();
    assertThat(nonces.recordFirstUse("user-2", "n1", inTenMinutes())).isTrue();
    assertThat(nonces.recordFirstUse("user-1", "n2", inTenMinutes())).isTrue();
  }

  @Test
  void a_record_expires_with_its_state() {
    nonces.recordFirstUse("user-1", "n1", inTenMinutes());

    fx.clock.advance(Duration.ofMinutes(10));

    assertThat(nonces.recordFirstUse("user-1", "n1", inTenMinutes())).isTrue();
  }

  @Test
  void a_forgotten_use_may_be_recorded_again() {
    nonces.recordFirstUse("user-1", "n1", inTenMinutes());

    nonces.forget("user-1", "n1");
    nonces.forget("user-1", "never-recorded");

    assertThat(nonces.recordFirstUse("user-1", "n1", inTenMinutes())).isTrue();
  }

  @Test
  void of_racing_uses_exactly_one_is_first() throws Exception {
    int racers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return nonces.recordFirstUse("user-1", "n1", inTenMinutes());
                }));
      }
      start.countDown();
      int firsts = 0;
      for (Future<Boolean> r : results) {
        firsts += r.get() ? 1 : 0;
      }
      assertThat(firsts).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
