package com.syncwell.app.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the API calls made through AWS SDK clients: {@link #counting} wraps a client interface
 * (such as {@code DynamoDbClient}) in a proxy that counts each operation once and forwards it.
 * Calls the SDK retries count once; the client's own bookkeeping methods ({@code close}, {@code
 * serviceName}, ...) do not count. Thread-safe.
 */
final class CallCounter {
  private static final Set<String> NOT_CALLS =
      Set.of("close", "serviceName", "serviceClientConfiguration", "waiter", "utilities");

  private final LongAdder calls = new LongAdder();

  /** A proxy of {@code client} implementing {@code type} that counts its operations here. */
  <T> T counting(Class<T> type, T client) {
    Objects.requireNonNull(client, "client");
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> forward(client, method, args));
    return type.cast(proxy);
  }

  /** Operations counted so far. */
  long calls() {
    return calls.sum();
  }

  private Object forward(Object client, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() != Object.class && !NOT_CALLS.contains(method.getName())) {
      calls.increment();
    }
    try {
      return method.invoke(client, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
