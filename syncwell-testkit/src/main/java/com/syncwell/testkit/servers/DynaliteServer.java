package com.syncwell.testkit.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite (DynamoDB-compatible) server on 127.0.0.1 and a free port, in memory, started from
 * {@code test-servers/node_modules} of the repository (installed by {@code ./scripts/test}, which
 * runs {@code npm ci} there). Tables are created and deleted without delay.
 *
 * <p>Start one per test class ({@code @BeforeAll}) and close it in {@code @AfterAll}; {@link
 * #close()} stops the process by its pid (destroy, then destroyForcibly after a bound). A JVM
 * shutdown hook stops it too if a test run dies before closing it.
 */
public final class DynaliteServer implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final Duration STOP = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final int PORT_ATTEMPTS = 3;

  private final Process process;
  private final int port;
  private final Path log;
  private final Thread shutdownHook;

  private DynaliteServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.shutdownHook = new Thread(process::destroyForcibly, "dynalite-shutdown-" + port);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts dynalite and returns once its port accepts connections.
   *
   * @throws IllegalStateException when dynalite is not installed or does not come up in time
   */
  public static DynaliteServer start() {
    Path root = repositoryRoot();
    Path cli = root.resolve("test-servers/node_modules/.bin/dynalite");
    if (!Files.exists(cli)) {
      throw new IllegalStateException(
          "dynalite is not installed (no test-servers/node_modules/.bin/dynalite):"
              + " run ./scripts/test, which runs npm ci in test-servers/");
    }
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int port = freePort();
      try {
        return launch(cli, port);
      } catch (PortLost e) {
        // another process took the port between our probe and dynalite's bind: try another one
        last = e;
      }
    }
    throw last;
  }

  /** The HTTP endpoint, for the SDK's endpoint override. */
  public URI endpoint() {
    return URI.create("http://" + HOST + ":" + port);
  }

  /** The process id of the server. */
  public long pid() {
    return process.pid();
  }

  /** Whether the server process is running. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the server by pid: destroy, then destroyForcibly if it has not exited in time. */
  @Override
  public void close() {
    stop(process);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting; the hook runs anyway and finds the process gone
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a leftover temp file is harmless
    }
  }

  private static DynaliteServer launch(Path cli, int port) {
    Path log;
    try {
      log = Files.createTempFile("dynalite-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command =
        List.of(
            "node",
            cli.toString(),
            "--host",
            HOST,
            "--port",
            Integer.toString(port),
            "--createTableMs",
            "0",
            "--deleteTableMs",
            "0",
            "--updateTableMs",
            "0");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not start dynalite with node (is node on the PATH?): " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String output = read(log);
        if (output.contains("EADDRINUSE")) {
          throw new PortLost(port);
        }
        throw new IllegalStateException(
            "dynalite exited with " + process.exitValue() + " before listening: " + output);
      }
      if (answers(port)) {
        return new DynaliteServer(process, port, log);
      }
      pause();
    }
    stop(process);
    throw new IllegalStateException(
        "dynalite did not listen on " + HOST + ":" + port + " within " + STARTUP);
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), (int) POLL.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for dynalite", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** The repository root: the nearest directory upwards from user.dir with test-servers/. */
  static Path repositoryRoot() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Optional<Path> root = Optional.empty();
    for (Path dir = start; dir != null && root.isEmpty(); dir = dir.getParent()) {
      if (Files.exists(dir.resolve("test-servers/package.json"))) {
        root = Optional.of(dir);
      }
    }
    return root.orElseThrow(
        () ->
            new IllegalStateException(
                "no test-servers/package.json above "
                    + start
                    + ": run the tests from inside the repository"));
  }

  /** dynalite could not bind the probed port. */
  private static final class PortLost extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortLost(int port) {
      super("port " + port + " was taken before dynalite could bind it");
    }
  }
}
