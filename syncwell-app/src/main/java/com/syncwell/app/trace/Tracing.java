package com.syncwell.app.trace;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Installs the process-wide OpenTelemetry SDK from the environment, once, before anything traces:
 *
 * <ul>
 *   <li>{@code OTEL_EXPORTER_OTLP_ENDPOINT} unset or blank: nothing is installed; spans are no-ops
 *       that still carry the W3C trace context through the queue.
 *   <li>set (e.g. {@code http://collector:4318}): spans are batched to {@code <endpoint>/v1/traces}
 *       over OTLP/HTTP (the JDK's HttpClient), as service {@code OTEL_SERVICE_NAME} (default {@code
 *       syncwell}); W3C trace context propagation.
 * </ul>
 *
 * The returned SDK is closed by a shutdown hook (flushing queued spans). Not thread-safe: call once
 * from {@code main}.
 */
public final class Tracing {
  public static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
  public static final String SERVICE_NAME = "OTEL_SERVICE_NAME";

  private Tracing() {}

  /** Installs the SDK the environment asks for, if any, as the global OpenTelemetry. */
  public static Optional<OpenTelemetrySdk> installFromEnvironment(Map<String, String> env) {
    String endpoint = env.getOrDefault(ENDPOINT, "").strip();
    if (endpoint.isEmpty()) {
      return Optional.empty();
    }
    String service = env.getOrDefault(SERVICE_NAME, "").strip();
    OpenTelemetrySdk sdk =
        sdk(
            BatchSpanProcessor.builder(
                    OtlpHttpSpanExporter.builder().setEndpoint(tracesUrl(endpoint)).build())
                .build(),
            service.isEmpty() ? "syncwell" : service);
    GlobalOpenTelemetry.set(sdk);
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().name("syncwell-otel-close").unstarted(sdk::close));
    return Optional.of(sdk);
  }

  /** An SDK exporting through {@code processor}, for {@code service}; not installed anywhere. */
  public static OpenTelemetrySdk sdk(SpanProcessor processor, String service) {
    SdkTracerProvider tracers =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(Attributes.builder().put("service.name", service).build())))
            .addSpanProcessor(processor)
            .build();
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracers)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  /** {@code <endpoint>/v1/traces}, as the OTLP specification builds it from the base endpoint. */
  static String tracesUrl(String endpoint) {
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    URI uri = URI.create(base + "/v1/traces");
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(ENDPOINT + " must be an http(s) URL");
    }
    return uri.toString();
  }
}
