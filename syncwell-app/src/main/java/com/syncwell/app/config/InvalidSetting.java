package com.syncwell.app.config;

/** A setting is malformed or contradicts another; the message is one line naming it. */
public final class InvalidSetting extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String variable;

  public InvalidSetting(String variable, String problem) {
    super(variable + ": " + problem);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
