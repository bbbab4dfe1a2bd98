package com.syncwell.simulator.strava;

import com.syncwell.connector.files.FileReadOutcome;
import com.syncwell.simulator.data.Account;

/**
 * A file upload being processed; mutable only through {@link StravaApi} under its lock. The parsed
 * file is dropped once processed (the activity keeps its packed track), so finished uploads cost
 * only their status.
 */
final class Upload {
  final long id;
  final Account account;
  final String externalId;
  final String fileName;
  final String name;
  FileReadOutcome outcome;
  final String clientId;
  int pollsLeft;
  String error;
  String status = "Your activity is still being processed.";
  Long activityId;

  Upload(
      long id,
      Account account,
      String externalId,
      String fileName,
      String name,
      FileReadOutcome outcome,
      String clientId,
      int polls) {
    this.id = id;
    this.account = account;
    this.externalId = externalId;
    this.fileName = fileName;
    this.name = name;
    this.outcome = outcome;
    this.clientId = clientId;
    this.pollsLeft = polls;
  }
}
