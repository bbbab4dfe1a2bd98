package com.syncwell.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreBenchmarksTest {
  @Test
  void every_benchmark_runs_on_a_fresh_sqlite_file_and_prints_its_line(@TempDir Path dir)
      throws Exception {
    StringWriter printed = new StringWriter();
    List<EngineMeasurement> results =
        new StoreBenchmarks(
                new SqliteStoreEngine(dir, Clock.systemUTC()),
                Duration.ofMillis(30),
                new PrintWriter(printed, true))
            .runAll();

    assertThat(results)
        .extracting(r -> r.measurement().name())
        .containsExactlyElementsOf(StoreBenchmarks.NAMES);
    assertThat(results).allSatisfy(r -> assertThat(r.measurement().operations()).isPositive());
    assertThat(results).allSatisfy(r -> assertThat(r.remoteCallsPerOperation()).isZero());
    assertThat(printed.toString().lines()).hasSize(StoreBenchmarks.NAMES.size());
    assertThat(dir.resolve("put-if-absent.db")).exists();
    assertThat(dir.resolve("queue-batch.db")).exists();
  }
}
