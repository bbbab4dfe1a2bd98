package com.syncwell.engine.trace;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * W3C trace context in job-queue message attributes: {@link #inject} writes the current span's
 * {@code traceparent} (and {@code tracestate}) into a message's attributes, {@link #extract} reads
 * them back on the worker as the parent of the job's span. Always the W3C format, whatever
 * propagators an installed SDK has, so producers and consumers agree. Stateless and thread-safe.
 */
public final class MessageTraceContext {
  /** The instrumentation scope of SyncWell's own spans. */
  public static final String SCOPE = "com.syncwell";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Map<String, String>> FROM_ATTRIBUTES =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private MessageTraceContext() {}

  /** The tracer of SyncWell's spans (a no-op until the application installs an SDK). */
  public static Tracer tracer() {
    return GlobalOpenTelemetry.getTracer(SCOPE);
  }

  /** The attributes that carry {@code context} ({@code traceparent}, maybe {@code tracestate}). */
  public static Map<String, String> inject(Context context) {
    Map<String, String> attributes = new LinkedHashMap<>();
    W3C.inject(context, attributes, (carrier, key, value) -> carrier.put(key, value));
    return attributes;
  }

  /** The context the attributes carry, as a remote parent; the root context when none. */
  public static Context extract(Map<String, String> attributes) {
    return W3C.extract(Context.root(), attributes, FROM_ATTRIBUTES);
  }
}
