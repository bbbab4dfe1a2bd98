package com.syncwell.testkit.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A throw-away {@code redis-server} child process on 127.0.0.1 without persistence, for tests.
 *
 * <p>{@link #started()} picks a free port and starts it; {@link #stop()} kills the process by pid
 * (SIGKILL, like a crash) and {@link #start()} starts a fresh, empty one on the <em>same</em> port,
 * so clients can reconnect after an outage. {@link #freeze()} and {@link #thaw()} suspend and
 * resume the process (SIGSTOP/SIGCONT): connections stay open but nothing answers, like a hung
 * server.
 *
 * <p>Start waits, bounded by {@link #START_TIMEOUT}, for the server's "ready" log line and then for
 * an answer to {@code PING}. If {@code redis-server} is not installed, start fails with one message
 * saying how to install it. A JVM shutdown hook kills a server a test forgot to close.
 *
 * <p><b>Threading:</b> the lifecycle methods are synchronized; {@link #port()} and {@link #url()}
 * may be read from anywhere.
 */
public final class RedisServer implements AutoCloseable {
  /** How long a start may take before it fails. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private static final String EXECUTABLE = "redis-server";
  private static final String READY_LINE = "Ready to accept connections";
  private static final int OUTPUT_LINES_KEPT = 40;

  private final int port;
  private final Thread shutdownHook;
  private Process process;

  private RedisServer(int port) {
    this.port = port;
    this.shutdownHook = new Thread(this::killQuietly, "redis-server-" + port + "-reaper");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a server on a free port of 127.0.0.1 and returns once it answers {@code PING}. */
  public static RedisServer started() {
    RedisServer server = new RedisServer(freePort());
    try {
      server.start();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The port, the same across restarts. */
  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public URI url() {
    return URI.create("redis://127.0.0.1:" + port);
  }

  /**
   * Starts an empty server on {@link #port()} (after {@link #stop()}); returns once it answers
   * {@code PING}. Does nothing if it is running.
   */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    Process started = launch();
    process = started;
    Deque<String> output = new ArrayDeque<>();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> drain(started.getInputStream(), output, ready), "redis-server-" + port + "-log");
    reader.setDaemon(true);
    reader.start();
    started
        .onExit()
        .thenRun(() -> ready.completeExceptionally(new IllegalStateException("exited")));
    try {
      ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      awaitPong(System.nanoTime() + START_TIMEOUT.toNanos());
    } catch (ExecutionException | TimeoutException | IOException e) {
      killQuietly();
      throw new IllegalStateException(
          "redis-server on port " + port + " did not become ready: " + lastLines(output), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killQuietly();
      throw new IllegalStateException("interrupted while starting redis-server", e);
    }
  }

  /** Kills the server by pid (SIGKILL) and waits until it is gone; its data is lost. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    thaw();
    process.destroyForcibly();
    try {
      if (!process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("redis-server pid " + process.pid() + " did not exit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping redis-server", e);
    }
    process = null;
  }

  /** Suspends the server (SIGSTOP): connections stay open, commands get no answer. */
  public synchronized void freeze() {
    signal("-STOP");
  }

  /** Resumes a {@link #freeze() frozen} server (SIGCONT); harmless on a running one. */
  public synchronized void thaw() {
    signal("-CONT");
  }

  /** Stops the server for good. */
  @Override
  public synchronized void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway and finds nothing to kill
    }
  }

  private Process launch() {
    List<String> command =
        List.of(
            EXECUTABLE,
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
            "--logfile",
            "");
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "redis-server is not installed (not found on PATH): run ./scripts/test, which installs"
              + " it, or apt-get install redis-server",
          e);
    }
  }

  private static void drain(InputStream in, Deque<String> output, CompletableFuture<Void> ready) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (output) {
          output.addLast(line);
          if (output.size() > OUTPUT_LINES_KEPT) {
            output.removeFirst();
          }
        }
        if (line.contains(READY_LINE)) {
          ready.complete(null);
        }
      }
    } catch (IOException closed) {
      // the process is gone; onExit reports it
    }
  }

  /** Sends PING until PONG comes back, the process dies or the deadline passes. */
  private void awaitPong(long deadlineNanos) throws IOException {
    IOException last = null;
    while (System.nanoTime() < deadlineNanos && process.isAlive()) {
      try {
        ping();
        return;
      } catch (IOException e) {
        last = e;
        Thread.onSpinWait();
      }
    }
    throw last != null ? last : new IOException("redis-server exited before answering PING");
  }

  private void ping() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] answer = socket.getInputStream().readNBytes(7);
      if (!"+PONG\r\n".equals(new String(answer, StandardCharsets.US_ASCII))) {
        throw new IOException("unexpected answer to PING");
      }
    }
  }

  private void signal(String signal) {
    if (process == null || !process.isAlive()) {
      return;
    }
    try {
      Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
      if (!kill.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not run kill " + signal, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling redis-server", e);
    }
  }

  private void killQuietly() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
    }
  }

  private static String lastLines(Deque<String> output) {
    synchronized (output) {
      return output.isEmpty() ? "(no output)" : String.join(" | ", output);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on 127.0.0.1", e);
    }
  }
}
