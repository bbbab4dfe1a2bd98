package com.syncwell.app.metrics;

import com.syncwell.api.metrics.MetricDimensions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * One provider's HTTP client, counting every exchange that got an answer: {@code
 * syncwell.provider.calls}, {@code syncwell.provider.bytes} (response body bytes; the body's length
 * when it is read into a byte array, else the declared {@code Content-Length}) and {@code
 * syncwell.provider.throttled} (429 answers), all by {@code provider}. Calls refused by the circuit
 * breaker or the rate budget never reach it. Everything else is the delegate's; thread-safe.
 */
public final class MeteredHttpClient extends HttpClient {
  private final HttpClient delegate;
  private final Counter calls;
  private final Counter bytes;
  private final Counter throttled;

  public MeteredHttpClient(HttpClient delegate, String provider, MeterRegistry registry) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    String p = MetricDimensions.provider(provider);
    this.calls =
        Counter.builder("syncwell.provider.calls")
            .description("HTTP exchanges with a provider that got an answer")
            .tag(MetricDimensions.PROVIDER, p)
            .register(registry);
    this.bytes =
        Counter.builder("syncwell.provider.bytes")
            .description("Response body bytes received from a provider")
            .baseUnit("bytes")
            .tag(MetricDimensions.PROVIDER, p)
            .register(registry);
    this.throttled =
        Counter.builder("syncwell.provider.throttled")
            .description("Provider answers with HTTP 429")
            .tag(MetricDimensions.PROVIDER, p)
            .register(registry);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return counted(delegate.send(request, handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return delegate.sendAsync(request, handler).thenApply(this::counted);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return delegate.sendAsync(request, handler, pushPromiseHandler).thenApply(this::counted);
  }

  private <T> HttpResponse<T> counted(HttpResponse<T> response) {
    calls.increment();
    long length =
        response.body() instanceof byte[] b
            ? b.length
            : response.headers().firstValueAsLong("Content-Length").orElse(0);
    if (length > 0) {
      bytes.increment(length);
    }
    if (response.statusCode() == 429) {
      throttled.increment();
    }
    return response;
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
