package com.syncwell.api.traffic;

/**
 * Per anonymous user of one day: requests, sessions and syncs, and when the user was last seen; an
 * open-addressing table of primitive arrays that grows by doubling up to a fixed bound and then
 * refuses new users, so its memory never exceeds {@link #maxSlots} × 24 bytes.
 *
 * <p><b>Threading:</b> not thread-safe; the recorder calls it under its lock.
 */
final class AnonymousUserTable {
  private static final int INITIAL_SLOTS = 1024;

  private final int cap;
  private final int maxSlots;
  private long[] keys;
  private int[] lastSecond;
  private int[] requests;
  private int[] sessions;
  private int[] syncs;
  private int size;

  /**
   * @param cap the most users tracked; further users are refused
   */
  AnonymousUserTable(int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("cap must be positive, was " + cap);
    }
    this.cap = cap;
    this.maxSlots = slotsFor(cap);
    allocate(Math.min(INITIAL_SLOTS, maxSlots));
  }

  /** The fewest power-of-two slots that hold {@code users} at a load of at most 3/4. */
  static int slotsFor(int users) {
    long needed = (long) users * 4 / 3 + 1;
    int slots = Integer.highestOneBit((int) Math.min(needed, 1 << 30));
    return slots < needed ? slots << 1 : slots;
  }

  /**
   * Counts one request of {@code key} at {@code second} of the day.
   *
   * @return false when the user is new and the table is full (nothing counted)
   */
  boolean count(long key, int second, int idleSeconds, boolean sync) {
    int slot = find(key);
    if (keys[slot] == 0) {
      if (size == cap) {
        return false;
      }
      if (size + 1 > keys.length * 3 / 4) {
        grow();
        slot = find(key);
      }
      keys[slot] = key;
      lastSecond[slot] = second;
      sessions[slot] = 1;
      size++;
    } else if (second - lastSecond[slot] >= idleSeconds) {
      sessions[slot]++;
    }
    lastSecond[slot] = Math.max(lastSecond[slot], second);
    requests[slot]++;
    if (sync) {
      syncs[slot]++;
    }
    return true;
  }

  int users() {
    return size;
  }

  long requests() {
    return sum(requests);
  }

  long sessions() {
    return sum(sessions);
  }

  long syncs() {
    return sum(syncs);
  }

  /** Slots allocated now (for the memory bound's test). */
  int slots() {
    return keys.length;
  }

  /** The most slots this table will ever allocate. */
  int maxSlots() {
    return maxSlots;
  }

  private long sum(int[] values) {
    long total = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        total += values[i];
      }
    }
    return total;
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int slot = (int) (mix(key) & mask);
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldLast = lastSecond;
    int[] oldRequests = requests;
    int[] oldSessions = sessions;
    int[] oldSyncs = syncs;
    allocate(Math.min(keys.length * 2, maxSlots));
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = find(oldKeys[i]);
        keys[slot] = oldKeys[i];
        lastSecond[slot] = oldLast[i];
        requests[slot] = oldRequests[i];
        sessions[slot] = oldSessions[i];
        syncs[slot] = oldSyncs[i];
      }
    }
  }

  private void allocate(int slots) {
    keys = new long[slots];
    lastSecond = new int[slots];
    requests = new int[slots];
    sessions = new int[slots];
    syncs = new int[slots];
  }
}
