package com.syncwell.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.syncwell.testkit.LogCanaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build's last check (its own surefire execution in the verify phase of syncwell-app, the last
 * module of the reactor): no planted secret ({@link LogCanaries}) appears in the test output of any
 * module, {@code <module>/target/surefire-reports/*-output.txt}. A failure names the file and which
 * canary, never its value.
 */
class LogCanaryScanTest {
  private static final String OWN_OUTPUT = LogCanaryScanTest.class.getName() + "-output.txt";
  private static final String E2E_OUTPUT = "com.syncwell.app.CorrelatedLogsEndToEndTest-output.txt";

  private static Path projectRoot() {
    Path module = Path.of("").toAbsolutePath();
    Path root = module.getParent();
    assertThat(root.resolve("pom.xml")).as("the parent of " + module + " is the project").exists();
    return root;
  }

  private static List<Path> modules(Path root) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
    }
  }

  private static List<Path> outputs(List<Path> modules) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path module : modules) {
      Path reports = module.resolve("target/surefire-reports");
      if (!Files.isDirectory(reports)) {
        continue;
      }
      try (Stream<Path> in = Files.list(reports)) {
        in.filter(f -> f.getFileName().toString().endsWith("-output.txt"))
            .filter(f -> !f.getFileName().toString().equals(OWN_OUTPUT))
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  private static List<String> canaries(List<Path> modules) throws IOException {
    Set<String> all = new LinkedHashSet<>(LogCanaries.fixed());
    for (Path module : modules) {
      Path runtime = module.resolve("target").resolve(LogCanaries.RUNTIME_FILE);
      if (Files.isRegularFile(runtime)) {
        Files.readAllLines(runtime, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(line -> line.length() >= 16)
            .forEach(all::add);
      }
    }
    return List.copyOf(all);
  }

  @Test
  void no_planted_secret_appears_in_any_modules_test_output() throws IOException {
    Path root = projectRoot();
    List<Path> modules = modules(root);
    List<Path> outputs = outputs(modules);
    List<String> canaries = canaries(modules);
    assumeTrue(!outputs.isEmpty(), "no test output to scan (tests were skipped)");

    List<String> leaks = new ArrayList<>();
    for (Path file : outputs) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      for (int i = 0; i < canaries.size(); i++) {
        if (text.contains(canaries.get(i))) {
          leaks.add(
              root.relativize(file)
                  + " holds canary #"
                  + i
                  + (i < LogCanaries.fixed().size() ? "" : " (a secret made at run time)"));
        }
      }
    }

    assertThat(leaks).as("planted secrets in test output (see LogCanaries)").isEmpty();
  }

  @Test
  void the_planted_flow_wrote_job_and_provider_lines_with_hashed_users() throws IOException {
    Path e2e = projectRoot().resolve("syncwell-app/target/surefire-reports").resolve(E2E_OUTPUT);
    assumeTrue(Files.isRegularFile(e2e), "the planted flow did not run in this build");

    String text = Files.readString(e2e, StandardCharsets.UTF_8);

    assertThat(text).contains("\"userRef\":\"u_").contains("provider call ").contains("\"jobId\"");
  }
}
