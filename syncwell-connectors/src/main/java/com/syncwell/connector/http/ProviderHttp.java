package com.syncwell.connector.http;

import com.syncwell.connector.AuthorizationRevoked;
import com.syncwell.connector.Permanent;
import com.syncwell.connector.ProviderSession;
import com.syncwell.connector.RateLimited;
import com.syncwell.connector.RateWindow;
import com.syncwell.connector.Transient;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one provider's requests: takes a call from the rate budget, adds the bearer token, applies
 * the timeout and the circuit breaker, meters calls and bytes, lets the provider's header parser
 * report usage, and turns the answer into a value or a {@link
 * com.syncwell.connector.ProviderException} through the provider's {@link ActionTable}. A 401
 * renews the token once and repeats the request; a second 401 is {@link AuthorizationRevoked}.
 * Every exchange is one INFO line (logger {@code com.syncwell.connector.http.ProviderHttp}) and one
 * OpenTelemetry client span, child of the current span (a job's, a request's); the lines carry the
 * caller's logging context (correlation id, job id). Thread-safe; one instance per provider.
 */
public final class ProviderHttp {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderHttp.class);
  private static final String TRACER_SCOPE = "com.syncwell";
  private final String provider;
  private final HttpClient client;
  private final ActionTable table;
  private final RateBudget budget;
  private final BiConsumer<String, HttpHeaders> usageReporter;
  private final CircuitBreaker breaker;
  private final Clock clock;
  private final Duration timeout;
  private final BiPredicate<HttpRequest, RateWindow> windowApplies;

  /**
   * @param usageReporter given the budget key and each answer's headers, reports the provider's own
   *     usage counts to the budget (a no-op for providers without such headers)
   */
  public ProviderHttp(
      String provider,
      HttpClient client,
      ActionTable table,
      RateBudget budget,
      BiConsumer<String, HttpHeaders> usageReporter,
      Clock clock,
      Duration timeout) {
    this(provider, client, table, budget, usageReporter, clock, timeout, (request, window) -> true);
  }

  /**
   * @param windowApplies which of the budget's windows a request takes from (every window by
   *     default; Strava's read-only windows only for requests other than uploads)
   */
  public ProviderHttp(
      String provider,
      HttpClient client,
      ActionTable table,
      RateBudget budget,
      BiConsumer<String, HttpHeaders> usageReporter,
      Clock clock,
      Duration timeout,
      BiPredicate<HttpRequest, RateWindow> windowApplies) {
    this.windowApplies = Objects.requireNonNull(windowApplies, "windowApplies");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.client = Objects.requireNonNull(client, "client");
    this.table = Objects.requireNonNull(table, "table");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.usageReporter = Objects.requireNonNull(usageReporter, "usageReporter");
    this.breaker = ProviderCircuitBreaker.forProvider(provider);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  public String provider() {
    return provider;
  }

  public CircuitBreaker circuitBreaker() {
    return breaker;
  }

  /**
   * Sends an authorized request for {@code session}, counted against the budget of {@code
   * budgetKey} (the user's id at the provider, for per-user limits). Returns a 2xx answer.
   */
  public HttpResult send(ProviderSession session, String budgetKey, HttpRequest.Builder request) {
    String token = session.credentials().accessToken();
    boolean renewed = false;
    while (true) {
      HttpRequest authorized =
          request.copy().header("Authorization", "Bearer " + token).timeout(timeout).build();
      budget.acquire(budgetKey, window -> windowApplies.test(authorized, window));
      HttpResult result = exchange(authorized, session.meter());
      usageReporter.accept(budgetKey, result.headers());
      HttpAction action = table.classify(result, clock.instant());
      if (action instanceof HttpAction.RenewToken) {
        if (renewed) {
          throw new AuthorizationRevoked(provider, "the provider refused a freshly renewed token");
        }
        token = session.credentials().renewAfter(token);
        renewed = true;
        continue;
      }
      return settle(action, result, session.meter());
    }
  }

  /**
   * Sends a request that carries its own credentials (OAuth token endpoints): no bearer token, no
   * renewal; a 401 there means the grant or client is refused.
   */
  public HttpResult sendUnauthenticated(HttpRequest.Builder request, CallMeter meter) {
    HttpResult result = exchange(request.copy().timeout(timeout).build(), meter);
    HttpAction action = table.classify(result, clock.instant());
    if (action instanceof HttpAction.RenewToken) {
      throw new AuthorizationRevoked(provider, "the provider refused the grant (HTTP 401)");
    }
    return settle(action, result, meter);
  }

  private HttpResult settle(HttpAction action, HttpResult result, CallMeter meter) {
    return switch (action) {
      case HttpAction.Proceed ignored -> result;
      case HttpAction.Throttle t -> {
        meter.recordThrottled();
        throw new RateLimited(provider, t.retryAt(), "the provider answered 429");
      }
      case HttpAction.Revoke r -> throw new AuthorizationRevoked(provider, r.reason());
      case HttpAction.Retry r -> throw new Transient(provider, r.reason(), null);
      case HttpAction.Fail f -> throw new Permanent(provider, f.reason(), null);
      case HttpAction.RenewToken ignored ->
          throw new IllegalStateException("token renewal is handled before settling");
    };
  }

  /**
   * One exchange under the circuit breaker (5xx answers count as failures there), in a client span,
   * logged in one line: provider, method, host, path with id-like segments masked, status, bytes
   * and time. Never the query, headers or body.
   */
  private HttpResult exchange(HttpRequest request, CallMeter meter) {
    String path = CallPaths.masked(request.uri());
    Span span =
        GlobalOpenTelemetry.getTracer(TRACER_SCOPE)
            .spanBuilder(provider + " " + request.method())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("http.request.method", request.method())
            .setAttribute("server.address", String.valueOf(request.uri().getHost()))
            .setAttribute("url.template", path)
            .setAttribute("syncwell.provider", provider)
            .startSpan();
    long started = System.nanoTime();
    try (Scope ignored = span.makeCurrent()) {
      HttpResult result = exchangeUnderBreaker(request, meter);
      span.setAttribute("http.response.status_code", result.status());
      if (result.status() >= 500) {
        span.setStatus(StatusCode.ERROR, "HTTP " + result.status());
      }
      LOG.info(
          "provider call {} {} {}{} -> {} ({} bytes, {} ms)",
          provider,
          request.method(),
          request.uri().getHost(),
          path,
          result.status(),
          result.body().length,
          (System.nanoTime() - started) / 1_000_000);
      return result;
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      LOG.info(
          "provider call {} {} {}{} -> no answer ({}, {} ms)",
          provider,
          request.method(),
          request.uri().getHost(),
          path,
          e.getClass().getSimpleName(),
          (System.nanoTime() - started) / 1_000_000);
      throw e;
    } finally {
      span.end();
    }
  }

  private HttpResult exchangeUnderBreaker(HttpRequest request, CallMeter meter) {
    try {
      return breaker.executeCallable(
          () -> {
            HttpResponse<byte[]> response = send(request);
            meter.recordCall(response.body().length);
            HttpResult result =
                new HttpResult(response.statusCode(), response.headers(), response.body());
            if (result.status() >= 500) {
              throw new ServerFailure(result);
            }
            return result;
          });
    } catch (ServerFailure e) {
      return e.result;
    } catch (CallNotPermittedException e) {
      throw new Transient(provider, "circuit open after repeated failures", e);
    } catch (Transient e) {
      throw e;
    } catch (Exception e) {
      throw new Transient(provider, "request failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new Transient(provider, "I/O error: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Transient(provider, "interrupted", e);
    }
  }

  /** A 5xx answer on its way through the circuit breaker, which counts it as a failure. */
  private static final class ServerFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient HttpResult result;

    ServerFailure(HttpResult result) {
      super("HTTP " + result.status(), null, false, false);
      this.result = result;
    }
  }
}
