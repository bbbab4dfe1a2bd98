package com.syncwell.app.bench;

/** One timed operation of a benchmark; {@code i} counts from 0. Returns how many ops it did. */
@FunctionalInterface
interface Operation {
  int run(long i) throws Exception;
}
