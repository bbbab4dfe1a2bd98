package com.syncwell.app.bench;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Lua script of one wrk 4.1 run against {@code POST /v1/sync-jobs}. Every request names one of
 * the callers (round robin, each wrk thread starting at its own offset), carries that caller's
 * token and a JSON body with its config id, and an {@code Idempotency-Key} no other request of the
 * benchmark uses: {@code bench-<run>-<thread>-<counter>}.
 *
 * <p>Hooks used (wrk 4.1 SCRIPTING): {@code setup(thread)} numbers the threads through {@code
 * thread:set}, {@code init} prepares the headers and bodies once per thread, {@code request} builds
 * each request with {@code wrk.format}. No {@code response} hook (wrk would then parse every
 * answer's headers and body). A paced script also defines {@code delay()}: each wrk thread keeps a
 * send schedule of {@code rate / threads} requests per second on the monotonic clock (LuaJIT FFI
 * {@code clock_gettime}); every call takes the next slot, and a slot already past is not made up
 * for. wrk calls {@code delay()} before every request of a connection, after that connection's
 * previous answer, so the load stays closed-loop: an answer slower than the schedule holds its
 * connection's next request back.
 */
final class SyncJobsScript {
  /** Characters of a JWS in compact form and of the store's ids: nothing that needs quoting. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.\\-]{1,4096}");

  private static final Pattern RUN = Pattern.compile("[a-z0-9\\-]{1,40}");

  private SyncJobsScript() {}

  /**
   * @param run names the run in every Idempotency-Key (lowercase letters, digits, dashes); unique
   *     per wrk run of one benchmark
   * @param threads wrk's {@code -t}
   * @param pacedRate requests per second over all threads; 0: no {@code delay()}, as fast as the
   *     server answers
   * @throws IllegalArgumentException on an empty caller list, a token or id with characters a Lua
   *     string would need to escape, or a bad run name
   */
  static String render(List<ApiCaller> callers, String run, int threads, double pacedRate) {
    Objects.requireNonNull(callers, "callers");
    if (callers.isEmpty()) {
      throw new IllegalArgumentException("no callers");
    }
    if (!RUN.matcher(run).matches()) {
      throw new IllegalArgumentException("run must be lowercase letters, digits or dashes");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive");
    }
    if (!(pacedRate >= 0) || Double.isInfinite(pacedRate)) {
      throw new IllegalArgumentException("pacedRate must be 0 or positive");
    }
    StringBuilder lua = new StringBuilder(callers.size() * 700);
    lua.append("-- syncwell bench api: one wrk run against POST /v1/sync-jobs (generated;\n")
        .append("-- the tokens are throwaway dev tokens of a temporary data directory).\n")
        .append("local run = \"")
        .append(run)
        .append("\"\n")
        .append("local threads = ")
        .append(threads)
        .append('\n')
        .append("local rate = ")
        .append(String.format(Locale.ROOT, "%.3f", pacedRate))
        .append("\n\nlocal tokens = {\n");
    for (ApiCaller c : callers) {
      lua.append("  \"").append(safe(c.token(), "token")).append("\",\n");
    }
    lua.append("}\n\nlocal configs = {\n");
    for (ApiCaller c : callers) {
      lua.append("  \"").append(safe(c.syncConfigId(), "sync config id")).append("\",\n");
    }
    lua.append("}\n").append(COMMON);
    if (pacedRate > 0) {
      lua.append(PACING);
    }
    return lua.toString();
  }

  private static String safe(String value, String what) {
    if (value == null || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " has characters the script cannot carry");
    }
    return value;
  }

  private static final String COMMON =
      """

      local thread_count = 0

      -- Runs in wrk's setup environment, once per thread before it starts.
      function setup(thread)
        thread_count = thread_count + 1
        thread:set("thread_id", thread_count)
      end

      local bearer = {}
      local bodies = {}
      local headers = {}
      local user = 0
      local sent = 0

      function init(args)
        for i = 1, #tokens do
          bearer[i] = "Bearer " .. tokens[i]
          bodies[i] = '{"syncConfigId":"' .. configs[i] .. '"}'
        end
        headers["Content-Type"] = "application/json"
        user = ((thread_id - 1) * math.floor(#tokens / threads)) % #tokens
      end

      function request()
        sent = sent + 1
        user = user % #tokens + 1
        headers["Authorization"] = bearer[user]
        headers["Idempotency-Key"] = "bench-" .. run .. "-" .. thread_id .. "-" .. sent
        return wrk.format("POST", "/v1/sync-jobs", headers, bodies[user])
      end
      """;

  private static final String PACING =
      """

      local ffi = require("ffi")
      ffi.cdef[[
      typedef struct { long tv_sec; long tv_nsec; } syncwell_timespec;
      int clock_gettime(int clock_id, syncwell_timespec *tp);
      ]]
      local CLOCK_MONOTONIC = 1
      local clock_now = ffi.new("syncwell_timespec")

      local function now_ms()
        ffi.C.clock_gettime(CLOCK_MONOTONIC, clock_now)
        return tonumber(clock_now.tv_sec) * 1000 + tonumber(clock_now.tv_nsec) / 1000000
      end

      -- This thread's share of the rate as a send schedule.
      local interval_ms = threads * 1000 / rate
      local next_slot = nil

      function delay()
        local now = now_ms()
        if next_slot == nil or next_slot < now then
          next_slot = now
        end
        local wait = next_slot - now
        next_slot = next_slot + interval_ms
        return wait
      end
      """;
}
