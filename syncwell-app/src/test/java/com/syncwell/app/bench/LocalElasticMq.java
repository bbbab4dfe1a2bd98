package com.syncwell.app.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * An ElasticMQ (SQS-compatible) server on 127.0.0.1 and a free port, for {@code
 * scripts/bench-scale-out}: ElasticMQ is a test dependency, so it runs from the test classpath,
 * never from the application jar. Writes the port to the file named by the only argument once it
 * listens, then runs until the process is stopped (SIGTERM stops the server first).
 */
public final class LocalElasticMq {
  private LocalElasticMq() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: LocalElasticMq PORT_FILE");
      System.exit(2);
    }
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int port = server.waitUntilStarted().localAddress().getPort();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait, "elasticmq-stop"));
    Path file = Path.of(args[0]);
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, Integer.toString(port), StandardCharsets.US_ASCII);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("elasticmq: listening on http://127.0.0.1:" + port);
    new CountDownLatch(1).await();
  }
}
