package com.syncwell.api.http;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the route table: method, path template, and what the pipeline must do before the
 * handler runs.
 *
 * @param access {@link Access#USER} routes need a bearer token and count against the user's bucket
 * @param body {@link Body#JSON} routes require {@code Content-Type: application/json}
 * @param idempotency whether an {@code Idempotency-Key} is honoured or required
 * @param answersInCommit the handler makes all its effects in one commit of the stores and records
 *     its answer there through {@link ApiRequest#responseRecord()}, or returns without effects
 *     (effects that are safe to repeat, such as creating a missing profile, aside); see {@link
 *     IdempotencyGate}
 */
public record Route(
    String method,
    PathTemplate path,
    Access access,
    Body body,
    Idempotency idempotency,
    RouteHandler handler,
    boolean answersInCommit) {
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** Who may call a route. */
  public enum Access {
    /** No token: probes, metrics, the contract, provider webhooks (they carry their own proof). */
    PUBLIC,
    /** A verified bearer token; the user id comes from it alone. */
    USER
  }

  /** What the request body must be. */
  public enum Body {
    /** No body expected; one sent is ignored. */
    NONE,
    /** {@code application/json}, else 415. */
    JSON,
    /** Any bytes (provider webhooks verify the raw body themselves). */
    RAW
  }

  /** How {@code Idempotency-Key} applies. */
  public enum Idempotency {
    NONE,
    /** Optional; when sent, the first response is replayed. */
    HONOURED,
    /** Required (400 {@code idempotency_key_required} without it). */
    REQUIRED
  }

  /** A route whose handler does not promise to answer in its commit. */
  public Route(
      String method,
      PathTemplate path,
      Access access,
      Body body,
      Idempotency idempotency,
      RouteHandler handler) {
    this(method, path, access, body, idempotency, handler, false);
  }

  public Route {
    method = method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("unsupported method " + method);
    }
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(idempotency, "idempotency");
    Objects.requireNonNull(handler, "handler");
    if (idempotency != Idempotency.NONE && (access != Access.USER || !MUTATING.contains(method))) {
      throw new IllegalArgumentException("idempotency keys apply to a user's mutating requests");
    }
    if (answersInCommit && idempotency == Idempotency.NONE) {
      throw new IllegalArgumentException(
          "only a route that takes idempotency keys records answers");
    }
  }

  /**
   * A route for a signed-in user; mutating ones honour {@code Idempotency-Key}; POST, PUT and PATCH
   * take a JSON body.
   */
  public static Route user(String method, String template, RouteHandler handler) {
    String m = method.toUpperCase(Locale.ROOT);
    boolean mutating = MUTATING.contains(m);
    boolean withBody = mutating && !m.equals("DELETE");
    return new Route(
        m,
        PathTemplate.parse(template),
        Access.USER,
        withBody ? Body.JSON : Body.NONE,
        mutating ? Idempotency.HONOURED : Idempotency.NONE,
        handler);
  }

  /** A route anyone may call, without a body. */
  public static Route open(String method, String template, RouteHandler handler) {
    return new Route(
        method, PathTemplate.parse(template), Access.PUBLIC, Body.NONE, Idempotency.NONE, handler);
  }

  /** A copy that takes any body bytes (provider webhooks). */
  public Route withRawBody() {
    return new Route(method, path, access, Body.RAW, idempotency, handler, answersInCommit);
  }

  /** A copy that requires an {@code Idempotency-Key}. */
  public Route requiringIdempotencyKey() {
    return new Route(method, path, access, body, Idempotency.REQUIRED, handler, answersInCommit);
  }

  /**
   * A copy whose handler promises to make all its effects in one commit and record its answer in it
   * ({@link #answersInCommit()}), so that where that commit is atomic the key is claimed there.
   */
  public Route answeringInItsCommit() {
    return new Route(method, path, access, body, idempotency, handler, true);
  }

  /** The template, e.g. {@code /v1/sync-configs/{id}}: the metric dimension for this route. */
  public String template() {
    return path.template();
  }

  @Override
  public String toString() {
    return method + " " + path.template();
  }
}
