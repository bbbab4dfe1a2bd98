package com.syncwell.app;

import com.syncwell.app.cli.Commands;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    com.syncwell.app.trace.Tracing.installFromEnvironment(System.getenv());
    System.exit(Commands.run(args, System.getenv(), out, err));
  }
}
