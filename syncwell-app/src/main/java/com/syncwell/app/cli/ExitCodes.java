package com.syncwell.app.cli;

/** Exit codes of INTERFACE.md. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  private ExitCodes() {}
}
