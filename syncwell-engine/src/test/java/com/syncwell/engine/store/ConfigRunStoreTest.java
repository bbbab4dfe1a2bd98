package com.syncwell.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncwell.engine.port.table.ItemKey;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigRunStoreTest {
  private static final Duration LEASE = Duration.ofMinutes(5);

  @TempDir Path dir;
  private StoreFixture fx;
  private ConfigRunStore runs;

  @BeforeEach
  void open() {
    fx = new StoreFixture(dir);
    runs = new ConfigRunStore(fx.table, fx.clock);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private ConfigRun started(String jobId) {
    ConfigRunOutcome outcome = runs.start("u1", "cfg_1", jobId, LEASE);
    assertThat(outcome).isInstanceOf(ConfigRunStarted.class);
    return ((ConfigRunStarted) outcome).run();
  }

  @Test
  void a_second_job_of_the_config_finds_it_busy_until_the_first_ends() {
    ConfigRun first = started("job_A");

    ConfigRunOutcome second = runs.start("u1", "cfg_1", "job_B", LEASE);
    runs.end(first);
    ConfigRunOutcome afterwards = runs.start("u1", "cfg_1", "job_B", LEASE);

    assertThat(second).isEqualTo(new ConfigRunBusy("job_A", fx.clock.instant().plus(LEASE)));
    assertThat(afterwards).isInstanceOf(ConfigRunStarted.class);
    assertThat(fx.table.get(ItemKey.of("USER#u1", "CONFIGRUN#cfg_1"))).isPresent();
  }

  @Test
  void jobs_of_other_configs_or_users_run_side_by_side() {
    started("job_A");

    assertThat(runs.start("u1", "cfg_2", "job_B", LEASE)).isInstanceOf(ConfigRunStarted.class);
    assertThat(runs.start("u2", "cfg_1", "job_C", LEASE)).isInstanceOf(ConfigRunStarted.class);
  }

  @Test
  void the_holding_job_starting_again_takes_its_run_over() {
    ConfigRun first = started("job_A");
    fx.clock.advance(Duration.ofMinutes(1));

    ConfigRun again = started("job_A");

    assertThat(again.expiresAt()).isEqualTo(fx.clock.instant().plus(LEASE));
    assertThat(runs.extend(first, LEASE)).isEmpty(); // the old hold is superseded
  }

  @Test
  void a_run_nobody_extends_runs_out_and_another_job_takes_the_config() {
    ConfigRun abandoned = started("job_A");
    fx.clock.advance(LEASE.minusSeconds(1));
    assertThat(runs.start("u1", "cfg_1", "job_B", LEASE)).isInstanceOf(ConfigRunBusy.class);

    fx.clock.advance(Duration.ofSeconds(1));
    ConfigRun taken = started("job_B");

    assertThat(taken.jobId()).isEqualTo("job_B");
    assertThat(runs.extend(abandoned, LEASE)).isEmpty();
    runs.end(abandoned); // the late first job ending must not free the second's hold
    assertThat(runs.start("u1", "cfg_1", "job_C", LEASE)).isInstanceOf(ConfigRunBusy.class);
  }

  @Test
  void a_job_that_lost_its_run_cannot_take_back_a_later_jobs_run() {
    ConfigRun lost = started("job_A");
    fx.clock.advance(LEASE);
    runs.end(started("job_B"));
    ConfigRun current = started("job_C");

    assertThat(runs.extend(lost, LEASE)).isEmpty();
    runs.end(lost);

    assertThat(runs.start("u1", "cfg_1", "job_D", LEASE))
        .isEqualTo(new ConfigRunBusy("job_C", current.expiresAt()));
  }

  @Test
  void extending_keeps_the_config_busy_past_the_first_lease() {
    ConfigRun run = started("job_A");
    fx.clock.advance(LEASE.minusSeconds(10));

    ConfigRun extended = runs.extend(run, LEASE).orElseThrow();
    fx.clock.advance(Duration.ofSeconds(20));

    assertThat(extended.expiresAt()).isEqualTo(fx.clock.instant().minusSeconds(20).plus(LEASE));
    assertThat(runs.start("u1", "cfg_1", "job_B", LEASE)).isInstanceOf(ConfigRunBusy.class);
  }

  @Test
  void a_lease_must_be_positive() {
    assertThatThrownBy(() -> runs.start("u1", "cfg_1", "job_A", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
