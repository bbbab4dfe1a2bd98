package com.syncwell.api.auth;

/**
 * The identity providers SyncWell accepts tokens from; {@link #label()} is the outcome's issuer.
 */
enum IssuerKind {
  FIREBASE("firebase"),
  COGNITO("cognito"),
  DEV("dev");

  private final String label;

  IssuerKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
