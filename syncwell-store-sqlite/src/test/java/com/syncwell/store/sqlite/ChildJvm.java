package com.syncwell.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs for the kill -9 tests: started with this test class path, their output appended to
 * {@code child.out}, their work logged as {@code "<event> <id>"} lines in {@code work.log} that the
 * test polls (bounded) and reads back. {@link #close} kills whatever is left.
 */
final class ChildJvm implements AutoCloseable {
  static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Path dir;
  private final Class<?> mainClass;
  private final Path logFile;
  private final List<Process> children = new ArrayList<>();

  ChildJvm(Path dir, Class<?> mainClass) {
    this.dir = dir;
    this.mainClass = mainClass;
    this.logFile = dir.resolve("work.log");
  }

  Path logFile() {
    return logFile;
  }

  Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(List.of("--enable-native-access=ALL-UNNAMED"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(dir.resolve("child.out").toFile()))
            .start();
    children.add(p);
    return p;
  }

  /** SIGKILL on Linux; asserts the child was still at work, so the kill hit it mid-stream. */
  void kill(Process child) throws InterruptedException {
    assertThat(child.isAlive()).as("child still at work when killed; see %s", output()).isTrue();
    child.destroyForcibly();
    assertThat(child.waitFor(BOUND_NANOS, TimeUnit.NANOSECONDS)).as("killed child gone").isTrue();
  }

  /** Polls the log until it has {@code n} lines starting with {@code event}, or fails. */
  void awaitLines(String event, int n, Process child) throws Exception {
    long deadline = System.nanoTime() + BOUND_NANOS;
    while (count(event) < n) {
      assertThat(child.isAlive())
          .as("child died before %d '%s' lines; see %s", n, event, output())
          .isTrue();
      assertThat(System.nanoTime()).as("%d '%s' lines in time", n, event).isLessThan(deadline);
      Thread.sleep(2);
    }
  }

  int count(String event) throws IOException {
    if (!Files.exists(logFile)) {
      return 0;
    }
    String prefix = event + " ";
    return (int) Files.readAllLines(logFile).stream().filter(l -> l.startsWith(prefix)).count();
  }

  /** Each id's events in log order ("processed", "acking", "acked", "sent", ...). */
  Map<String, List<String>> eventsById() throws IOException {
    Map<String, List<String>> events = new LinkedHashMap<>();
    if (!Files.exists(logFile)) {
      return events;
    }
    for (String line : Files.readAllLines(logFile)) {
      String[] parts = line.split(" ", 2);
      assertThat(parts).as("log line '%s'", line).hasSize(2);
      events.computeIfAbsent(parts[1], id -> new ArrayList<>()).add(parts[0]);
    }
    return events;
  }

  String output() {
    try {
      Path out = dir.resolve("child.out");
      return Files.exists(out) ? Files.readString(out) : "(no output)";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    children.forEach(Process::destroyForcibly);
  }
}
