package com.syncwell.engine.worker;

/**
 * What one scheduler pass did.
 *
 * @param enqueued due configs whose slot this scheduler claimed and whose job it sent
 * @param lostRaces due configs another scheduler (or a user's edit) changed first; left to them
 * @param failed configs whose slot was claimed but whose job could not be created or sent; that
 *     slot is skipped and the config runs at its next due time
 */
public record ScheduleTick(int enqueued, int lostRaces, int failed) {
  ScheduleTick plus(ScheduleTick other) {
    return new ScheduleTick(
        enqueued + other.enqueued, lostRaces + other.lostRaces, failed + other.failed);
  }
}
