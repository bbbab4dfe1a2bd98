package com.syncwell.api.http;

import com.syncwell.engine.store.IdempotencyClaim;
import com.syncwell.engine.store.IdempotencyStore;
import com.syncwell.engine.store.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} around a handler (ARCHITECTURE.md §9), per user, kept 24 h by {@link
 * IdempotencyStore}:
 *
 * <ul>
 *   <li>required on routes marked {@link Route.Idempotency#REQUIRED} (400 {@code
 *       idempotency_key_required}); honoured on every other mutating user route; 1 to 255 printable
 *       ASCII characters, else 400 {@code invalid_idempotency_key};
 *   <li>the request hash is SHA-256 over the method, the path as sent and the body bytes;
 *   <li>the first response (status, content type, the handler's own headers such as {@code
 *       Location} and {@code ETag}, body) is stored and replayed byte for byte with {@code
 *       Idempotency-Replayed: true}; the same key with another request is 422 {@code
 *       idempotency_key_reused}; while the first is still running, 409 {@code
 *       idempotency_request_in_flight};
 *   <li>a 5xx releases the key so the client may retry with it;
 *   <li>a handler whose effects are one commit may record its answer inside that commit through
 *       {@link ApiRequest#responseRecord()} (see {@link ResponseRecord}): where the store commits
 *       it atomically with the effects, no crash can leave a key in flight whose effects happened
 *       (a retry after the lease would repeat them), and the request costs one write less;
 *   <li>where the handlers' commits are atomic, a route that {@link Route#answersInCommit() answers
 *       in its commit} does not claim its key before the handler runs: the claim is made in that
 *       commit, completed at once, and a commit that finds the key taken rolls back (see {@link
 *       #claimingInCommit}). Two requests sent together with the same key then both run up to their
 *       commit, one commits, and the other answers as the key stands: a replay of the first (or 422
 *       for another request) instead of 409. A fresh key costs no read and no write of its own.
 * </ul>
 */
public final class IdempotencyGate {
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotency-Replayed";
  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyGate.class);

  private final IdempotencyStore store;
  private final IdempotencyMetrics metrics;
  private final boolean claimInCommit;

  public IdempotencyGate(IdempotencyStore store) {
    this(store, IdempotencyMetrics.NONE, false);
  }

  /**
   * @param metrics counts replays and conflicts
   * @param claimInCommit the handlers' commits are atomic ({@code CommitGroup.atomic()}) and share
   *     the store's table, so routes that {@link Route#answersInCommit() answer in their commit}
   *     claim their key there
   */
  public IdempotencyGate(
      IdempotencyStore store, IdempotencyMetrics metrics, boolean claimInCommit) {
    this.store = Objects.requireNonNull(store, "store");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.claimInCommit = claimInCommit;
  }

  public ApiResponse run(ApiRequest request, Function<ApiRequest, ApiResponse> handler) {
    Route.Idempotency rule = request.route().idempotency();
    if (rule == Route.Idempotency.NONE) {
      return handler.apply(request);
    }
    Optional<String> key = request.header(HEADER);
    if (key.isEmpty()) {
      if (rule == Route.Idempotency.REQUIRED) {
        throw new ProblemException(
            new Problem(
                400,
                "idempotency_key_required",
                "This request needs an Idempotency-Key header (1 to 255 printable characters).",
                Optional.of(HEADER),
                java.util.Map.of()));
      }
      return handler.apply(request);
    }
    if (!IdempotencyStore.isValidKey(key.get())) {
      throw new ProblemException(
          new Problem(
              400,
              "invalid_idempotency_key",
              "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.",
              Optional.of(HEADER),
              java.util.Map.of()));
    }
    String user = request.user();
    String hash = requestHash(request);
    if (claimInCommit && request.route().answersInCommit()) {
      return claimingInCommit(request, handler, user, key.get(), hash);
    }
    return switch (store.begin(user, key.get(), hash)) {
      case IdempotencyClaim.Proceed held -> proceed(request, handler, user, key.get(), held);
      case IdempotencyClaim refused -> refused(refused, request);
    };
  }

  /** The answer to a request whose key is taken: a replay, 409 or 422. */
  private ApiResponse refused(IdempotencyClaim claim, ApiRequest request) {
    return switch (claim) {
      case IdempotencyClaim.Replay replay -> {
        metrics.replayed();
        yield replayed(replay.response());
      }
      case IdempotencyClaim.InFlight inFlight -> {
        metrics.inFlight();
        yield Problem.of(
                409,
                "idempotency_request_in_flight",
                "A request with this Idempotency-Key is still being processed; retry shortly.")
            .toResponse(request.correlationId())
            .withHeader("Retry-After", "1");
      }
      case IdempotencyClaim.KeyReused reused -> {
        metrics.keyReused();
        yield Problem.of(
                422,
                "idempotency_key_reused",
                "This Idempotency-Key was already used for a different request.")
            .toResponse(request.correlationId());
      }
      case IdempotencyClaim.Proceed held ->
          throw new IllegalArgumentException("a claim that proceeds is not refused");
    };
  }

  /**
   * The key is claimed inside the handler's commit, completed with its answer at once ({@link
   * IdempotencyStore#claimCompleted}), so it is never in flight: no read before, one write that
   * joins the handler's commit. When that write finds the key taken (the same request answered
   * before, or a duplicate sent at the same time that committed first), it throws {@link
   * KeyTakenInCommit}, the handler's commit rolls back with it, and this request is answered as the
   * key stands (a replay of the first answer, or 422). A retry thus runs the handler's reads again
   * before it is replayed: rare, and it saves every fresh request a read. An answer the handler did
   * not record (a refusal, made before any effect) is recorded afterwards the same way, so a retry
   * is still answered the first answer; a 5xx is not recorded, so nothing is left to release.
   */
  private ApiResponse claimingInCommit(
      ApiRequest request,
      Function<ApiRequest, ApiResponse> handler,
      String user,
      String key,
      String hash) {
    CommitRecord record = new CommitRecord(user, key, hash);
    ApiResponse response;
    try {
      response = handler.apply(request.withResponseRecord(record));
    } catch (RuntimeException e) {
      if (record.taken().isEmpty()) {
        throw e;
      }
      return refused(record.taken().get(), request);
    }
    if (record.taken().isPresent()) {
      // The handler answered the rolled-back commit itself; the key answers for this request.
      return refused(record.taken().get(), request);
    }
    if (record.recorded()) {
      return response;
    }
    try {
      Optional<IdempotencyClaim> taken = record.claim(response);
      if (taken.isPresent()) {
        return refused(taken.get(), request);
      }
    } catch (RuntimeException e) {
      // Nothing happened that a retry would repeat harmfully: answer it unrecorded.
      LOG.warn("could not record the idempotent response: {}", e.getClass().getSimpleName());
    }
    return response;
  }

  private ApiResponse proceed(
      ApiRequest request,
      Function<ApiRequest, ApiResponse> handler,
      String user,
      String key,
      IdempotencyClaim.Proceed held) {
    ClaimRecord record = new ClaimRecord(user, key, held);
    ApiResponse response;
    try {
      response = handler.apply(request.withResponseRecord(record));
    } catch (RuntimeException e) {
      releaseQuietly(user, key, held);
      throw e;
    }
    StoredResponse stored = stored(response);
    try {
      if (!replayable(response, stored)) {
        store.release(user, key, held); // a no-op if the handler's commit recorded it after all
      } else if (!record.recorded()) {
        store.complete(user, key, held, stored);
      }
    } catch (RuntimeException e) {
      // The work is done; answer it. The claim stays in flight until its lease runs out.
      LOG.warn("could not record the idempotent response: {}", e.getClass().getSimpleName());
    }
    return response;
  }

  /** Kept whole for replays; anything else releases the key so the client may retry. */
  private static boolean replayable(ApiResponse response, StoredResponse stored) {
    return response.status() < 500 && stored.fitsWhole();
  }

  private static StoredResponse stored(ApiResponse response) {
    return new StoredResponse(
        response.status(), response.contentType().orElse(""), response.headers(), response.body());
  }

  /**
   * The claim's {@link ResponseRecord}: completes the record with the handler's answer inside the
   * handler's commit. Answers that would be released (5xx) or kept as status only are left to the
   * gate.
   */
  private final class ClaimRecord implements ResponseRecord {
    private final String user;
    private final String key;
    private final IdempotencyClaim.Proceed held;
    private volatile boolean recorded;

    ClaimRecord(String user, String key, IdempotencyClaim.Proceed held) {
      this.user = user;
      this.key = key;
      this.held = held;
    }

    @Override
    public void record(ApiResponse response) {
      StoredResponse stored = stored(response);
      if (replayable(response, stored)) {
        store.complete(user, key, held, stored);
        recorded = true;
      }
    }

    boolean recorded() {
      return recorded;
    }
  }

  /**
   * The {@link ResponseRecord} of a key claimed in the handler's commit: claims and completes it
   * there, or, when the key is taken, remembers how it stands and throws {@link KeyTakenInCommit}
   * so that the commit rolls back.
   */
  private final class CommitRecord implements ResponseRecord {
    private final String user;
    private final String key;
    private final String hash;
    private volatile boolean recorded;
    private volatile IdempotencyClaim taken;

    CommitRecord(String user, String key, String hash) {
      this.user = user;
      this.key = key;
      this.hash = hash;
    }

    @Override
    public void record(ApiResponse response) {
      if (claim(response).isPresent()) {
        throw new KeyTakenInCommit();
      }
    }

    /**
     * Claims the key completed with {@code response} when it is replayable (else writes nothing);
     * how the key stands when another request took it first.
     */
    Optional<IdempotencyClaim> claim(ApiResponse response) {
      StoredResponse stored = stored(response);
      if (!replayable(response, stored)) {
        return Optional.empty();
      }
      IdempotencyClaim claim = store.claimCompleted(user, key, hash, stored);
      if (claim instanceof IdempotencyClaim.Proceed) {
        recorded = true;
        return Optional.empty();
      }
      taken = claim;
      return Optional.of(claim);
    }

    boolean recorded() {
      return recorded;
    }

    Optional<IdempotencyClaim> taken() {
      return Optional.ofNullable(taken);
    }
  }

  private void releaseQuietly(String user, String key, IdempotencyClaim.Proceed held) {
    try {
      store.release(user, key, held);
    } catch (RuntimeException e) {
      LOG.warn("could not release an idempotency key: {}", e.getClass().getSimpleName());
    }
  }

  private static ApiResponse replayed(StoredResponse stored) {
    Optional<String> type =
        stored.contentType().isEmpty() ? Optional.empty() : Optional.of(stored.contentType());
    return new ApiResponse(stored.status(), type, stored.headers(), stored.body())
        .withHeader(REPLAYED, "true");
  }

  /** SHA-256 over method, path as sent and body, hex. */
  static String requestHash(ApiRequest request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(request.method().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(request.rawPath().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(request.body());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
