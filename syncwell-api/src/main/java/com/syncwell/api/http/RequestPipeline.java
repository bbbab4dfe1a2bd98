package com.syncwell.api.http;

import com.syncwell.api.auth.AuthFailure;
import com.syncwell.api.auth.AuthOutcome;
import com.syncwell.api.auth.Authenticator;
import com.syncwell.api.limit.ClientAddress;
import com.syncwell.api.limit.RateLimitHeaders;
import com.syncwell.api.traffic.TrafficObserver;
import com.syncwell.api.traffic.TrafficSample;
import com.syncwell.engine.log.LogFields;
import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.limit.RateDecision;
import com.syncwell.engine.port.limit.RateLimiter;
import com.syncwell.engine.port.limit.RatePolicy;
import com.syncwell.engine.trace.MessageTraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every request passes these steps, in this order, and the first that refuses answers:
 *
 * <ol>
 *   <li>correlation id (kept when well-formed, else generated; on every response and in the MDC);
 *   <li>shutdown gate (503 {@code shutting_down} once the server began to stop; see {@link
 *       #refuseWhileStopping});
 *   <li>per-IP window (every request, signed in or not, webhooks too) → 429;
 *   <li>body over 64 KiB → 413;
 *   <li>unknown path → 404, known path with another method → 405 with {@code Allow};
 *   <li>JSON routes without {@code application/json} → 415;
 *   <li>bearer token on user routes → 401 with {@code WWW-Authenticate: Bearer};
 *   <li>per-user token bucket → 429 ({@code RateLimit} headers on allowed responses too);
 *   <li>idempotency key (required on job-creating POSTs, honoured on every mutating request);
 *   <li>the route's handler.
 * </ol>
 *
 * Failures never leak: a {@link StorageFailure} becomes 503 {@code service_unavailable}, any other
 * exception 500 {@code internal_error}, both logged with the correlation id. Metrics are recorded
 * for every request by route template, the {@link TrafficObserver} sees every answered request
 * (route template, method, status, body sizes, user id), and one access line is logged (logger
 * {@code com.syncwell.api.access}: method, route template, status, milliseconds, with the
 * correlation id and, once signed in, the user's id in the logging context for the encoder to
 * hash). Each request is an OpenTelemetry server span, child of a {@code traceparent} the caller
 * sent.
 *
 * <p><b>Threading:</b> one instance serves all requests concurrently.
 */
public final class RequestPipeline {
  /** Retry-After of a 503 {@code keys_unavailable}: the JWKS is refetched at most once a minute. */
  static final long KEYS_RETRY_AFTER_SECONDS = 60;

  private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);

  /** A method name fit to repeat in a span name or a message; others are shown as OTHER. */
  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,10}");

  /** One INFO line per request: method, route template, status, time; nothing of the caller's. */
  private static final Logger ACCESS = LoggerFactory.getLogger("com.syncwell.api.access");

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Headers> FROM_HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
          return carrier.asMap().keySet();
        }

        @Override
        public String get(Headers carrier, String key) {
          return carrier == null ? null : carrier.first(key).orElse(null);
        }
      };

  private final RouteTable routes;
  private final Authenticator authenticator;
  private final RateLimiter limiter;
  private final RateSettings rates;
  private final ClientAddress clientAddress;
  private final IdempotencyGate idempotency;
  private final HttpMetrics metrics;
  private final TrafficObserver traffic;

  public RequestPipeline(
      RouteTable routes,
      Authenticator authenticator,
      RateLimiter limiter,
      RateSettings rates,
      IdempotencyGate idempotency,
      HttpMetrics metrics) {
    this(routes, authenticator, limiter, rates, idempotency, metrics, TrafficObserver.IGNORED);
  }

  public RequestPipeline(
      RouteTable routes,
      Authenticator authenticator,
      RateLimiter limiter,
      RateSettings rates,
      IdempotencyGate idempotency,
      HttpMetrics metrics,
      TrafficObserver traffic) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.rates = Objects.requireNonNull(rates, "rates");
    this.clientAddress = ClientAddress.trusting(rates.trustedProxies());
    this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.traffic = Objects.requireNonNull(traffic, "traffic");
  }

  /** Serves one request completely; never throws. */
  public ApiResponse handle(IncomingRequest in) {
    return serve(in, false);
  }

  /**
   * The answer to a request that arrived after shutdown began: 503 {@code shutting_down} with
   * {@code Connection: close}, correlation id and metrics like any other.
   */
  public ApiResponse refuseWhileStopping(IncomingRequest in) {
    return serve(in, true);
  }

  private ApiResponse serve(IncomingRequest in, boolean stopping) {
    long started = System.nanoTime();
    String correlationId =
        CorrelationIds.acceptOrGenerate(in.headers().first(CorrelationIds.HEADER));
    MDC.put(CorrelationIds.MDC_KEY, correlationId);
    String method = METHOD.matcher(in.method()).matches() ? in.method() : "OTHER";
    Span span =
        MessageTraceContext.tracer()
            .spanBuilder(method)
            .setSpanKind(SpanKind.SERVER)
            .setParent(W3C.extract(Context.root(), in.headers(), FROM_HEADERS))
            .setAttribute("http.request.method", method)
            .startSpan();
    Seen route = new Seen();
    ApiResponse response;
    try {
      try (Scope ignored = span.makeCurrent()) {
        response =
            stopping
                ? Problem.of(503, "shutting_down", "The server is shutting down; retry shortly.")
                    .toResponse(correlationId)
                    .withHeader("Connection", "close")
                    .withHeader("Retry-After", "1")
                : process(in, correlationId, route);
      } catch (RuntimeException e) {
        LOG.error("request failed outside the handler", e);
        response = internalError(correlationId);
      }
      Map<String, String> own = new LinkedHashMap<>();
      own.put(CorrelationIds.HEADER, correlationId);
      if (response.header("Cache-Control").isEmpty()) {
        own.put("Cache-Control", "no-store");
      }
      response = response.withHeaders(own);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      span.updateName(method + " " + route.template);
      span.setAttribute("http.route", route.template);
      span.setAttribute("http.response.status_code", response.status());
      if (response.status() >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      metrics.record(in.method(), route.template, response.status(), took);
      traffic.observe(
          new TrafficSample(
              in.method(),
              route.template,
              response.status(),
              route.requestBytes,
              response.bodyLength(),
              Optional.ofNullable(route.userId)));
      ACCESS.info(
          "{} {} -> {} in {} ms", method, route.template, response.status(), took.toMillis());
      return response;
    } finally {
      span.end();
      MDC.remove(CorrelationIds.MDC_KEY);
      MDC.remove(LogFields.USER);
    }
  }

  /** What {@link #process} learnt about a request, for metrics and the traffic observer. */
  private static final class Seen {
    String template = HttpMetrics.UNMATCHED;
    String userId;
    long requestBytes;
  }

  /** The route table this pipeline serves. */
  public RouteTable routes() {
    return routes;
  }

  private ApiResponse process(IncomingRequest in, String correlationId, Seen seen) {
    String client = clientAddress.resolve(in.peerAddress(), forwardedFor(in.headers()));
    RatePolicy ipPolicy = rates.ipPolicy();
    RateDecision ipDecision = limiter.tryConsume(ipPolicy, client);
    if (ipDecision instanceof RateDecision.Throttled t) {
      return throttled(ipPolicy, t, correlationId, "this address");
    }
    try {
      byte[] body = BodyReader.read(in);
      seen.requestBytes = body.length;
      RouteMatch match = routes.match(in.method(), in.rawPath());
      if (match instanceof RouteMatch.NotFound) {
        return Problem.of(404, "not_found", "No resource at this path.").toResponse(correlationId);
      }
      if (match instanceof RouteMatch.MethodNotAllowed m) {
        return Problem.of(
                405, "method_not_allowed", "This resource does not support " + safeMethod(in))
            .with("allowed", m.allowed().stream().toList())
            .toResponse(correlationId)
            .withHeader("Allow", String.join(", ", m.allowed()));
      }
      RouteMatch.Found found = (RouteMatch.Found) match;
      Route route = found.route();
      seen.template = route.template();
      if (route.body() == Route.Body.JSON && !isJson(in.headers().first("Content-Type"))) {
        return Problem.of(
                415, "unsupported_media_type", "This request needs Content-Type: application/json.")
            .toResponse(correlationId);
      }
      Optional<String> userId = Optional.empty();
      RateLimitHeaders limitHeaders = RateLimitHeaders.of(ipPolicy, ipDecision);
      if (route.access() == Route.Access.USER) {
        AuthOutcome outcome =
            authenticator.authenticate(in.headers().first("Authorization").orElse(null));
        if (outcome instanceof AuthOutcome.Rejected r) {
          return unauthenticated(r, in, correlationId);
        }
        String user = ((AuthOutcome.Authenticated) outcome).userId();
        seen.userId = user;
        MDC.put(LogFields.USER, user);
        RatePolicy userPolicy = rates.userPolicy();
        RateDecision userDecision = limiter.tryConsume(userPolicy, UserBuckets.keyOf(user));
        if (userDecision instanceof RateDecision.Throttled t) {
          return throttled(userPolicy, t, correlationId, "this account");
        }
        limitHeaders = limitHeaders.and(RateLimitHeaders.of(userPolicy, userDecision));
        userId = Optional.of(user);
      }
      ApiRequest request =
          new ApiRequest(
              route,
              in.rawPath(),
              found.pathParams(),
              in.query(),
              in.headers(),
              body,
              correlationId,
              userId,
              client,
              ResponseRecord.NONE);
      return idempotency.run(request, this::invoke).withHeaders(limitHeaders.asMap());
    } catch (ProblemException e) {
      return e.problem().toResponse(correlationId);
    } catch (StorageFailure e) {
      return unavailable(correlationId, e);
    }
  }

  /** Runs the handler, turning refusals and failures into problems. */
  private ApiResponse invoke(ApiRequest request) {
    try {
      return request.route().handler().handle(request);
    } catch (KeyTakenInCommit e) {
      throw e; // the idempotency gate answers it
    } catch (ProblemException e) {
      return e.problem().toResponse(request.correlationId());
    } catch (StorageFailure e) {
      return unavailable(request.correlationId(), e);
    } catch (RuntimeException e) {
      LOG.error("handler of {} failed", request.route(), e);
      return internalError(request.correlationId());
    }
  }

  private static ApiResponse unavailable(String correlationId, StorageFailure e) {
    LOG.warn("store or queue unavailable: {}", e.getMessage());
    return Problem.of(
            503, "service_unavailable", "A backing service is unavailable; retry shortly.")
        .toResponse(correlationId)
        .withHeader("Retry-After", "1");
  }

  private static ApiResponse internalError(String correlationId) {
    return Problem.of(
            500, "internal_error", "Something went wrong on our side; it has been logged.")
        .toResponse(correlationId);
  }

  private static ApiResponse unauthenticated(
      AuthOutcome.Rejected r, IncomingRequest in, String correlationId) {
    if (r.failure() == AuthFailure.KEYS_UNAVAILABLE) {
      // not the caller's fault: the issuer's keys cannot be fetched (and none are kept); retry
      return Problem.of(503, r.failure().code(), r.detail())
          .toResponse(correlationId)
          .withHeader("Retry-After", Long.toString(KEYS_RETRY_AFTER_SECONDS));
    }
    boolean tokenSent = in.headers().first("Authorization").isPresent();
    String challenge =
        tokenSent
            ? "Bearer realm=\"syncwell\", error=\"invalid_token\""
            : "Bearer realm=\"syncwell\"";
    return Problem.of(401, r.failure().code(), r.detail())
        .toResponse(correlationId)
        .withHeader("WWW-Authenticate", challenge);
  }

  private static ApiResponse throttled(
      RatePolicy policy, RateDecision.Throttled t, String correlationId, String whom) {
    Map<String, String> headers = RateLimitHeaders.of(policy, t).asMap();
    return Problem.of(429, "rate_limited", "Too many requests from " + whom + "; slow down.")
        .with("policy", policy.name())
        .toResponse(correlationId)
        .withHeaders(headers);
  }

  private static String forwardedFor(Headers headers) {
    List<String> lines = headers.all("X-Forwarded-For");
    return lines.isEmpty() ? null : String.join(",", lines);
  }

  private static boolean isJson(Optional<String> contentType) {
    if (contentType.isEmpty()) {
      return false;
    }
    String media = contentType.get().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.equals("application/json");
  }

  private static String safeMethod(IncomingRequest in) {
    String m = in.method();
    return METHOD.matcher(m).matches() ? m + "." : "this method.";
  }
}
