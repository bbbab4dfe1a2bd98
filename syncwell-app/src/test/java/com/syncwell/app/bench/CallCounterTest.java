package com.syncwell.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CallCounterTest {
  /** Shaped like an SDK client: a request method and a convenience default method over it. */
  interface Client extends AutoCloseable {
    String call(String request);

    default String call(Consumer<StringBuilder> request) {
      StringBuilder b = new StringBuilder();
      request.accept(b);
      return call(b.toString());
    }

    String serviceName();

    @Override
    void close();
  }

  private static final class Echo implements Client {
    @Override
    public String call(String request) {
      if (request.isEmpty()) {
        throw new IllegalArgumentException("empty");
      }
      return request;
    }

    @Override
    public String serviceName() {
      return "echo";
    }

    @Override
    public void close() {}
  }

  @Test
  void each_operation_counts_once_even_through_a_convenience_method() {
    CallCounter counter = new CallCounter();
    Client client = counter.counting(Client.class, new Echo());

    assertThat(client.call("a")).isEqualTo("a");
    assertThat(client.call(b -> b.append("b"))).isEqualTo("b");
    client.serviceName();
    client.close();

    assertThat(counter.calls()).isEqualTo(2);
  }

  @Test
  void a_failing_call_counts_and_its_own_exception_reaches_the_caller() {
    CallCounter counter = new CallCounter();
    Client client = counter.counting(Client.class, new Echo());

    assertThatThrownBy(() -> client.call("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(counter.calls()).isEqualTo(1);
  }
}
