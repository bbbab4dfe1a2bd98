package com.syncwell.app.config;

/** Where metadata lives ({@code SYNCWELL_STORE}). */
public enum StoreKind {
  SQLITE,
  DYNAMODB
}
