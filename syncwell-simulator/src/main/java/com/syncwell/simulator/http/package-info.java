/**
 * The simulator's own small HTTP layer on top of Javalin: provider routes with templates (for
 * counters), replies as values, and call and byte counters.
 */
package com.syncwell.simulator.http;
