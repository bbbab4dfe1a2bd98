package com.syncwell.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class AccessLogSampleFilterTest {
  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> written = new ListAppender<>();
  private final AccessLogSampleFilter filter = new AccessLogSampleFilter();
  private Logger access;
  private Logger other;

  @BeforeEach
  void configure() {
    context.setMDCAdapter(MDC.getMDCAdapter());
    filter.setContext(context);
    filter.setSample("1/100");
    filter.start();
    context.addTurboFilter(filter);
    written.setContext(context);
    written.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(written);
    access = context.getLogger(AccessLogSampleFilter.ACCESS_LOGGER);
    other = context.getLogger("com.syncwell.api.http.RequestPipeline");
  }

  private void answer(String correlationId, int status) {
    MDC.put("correlationId", correlationId);
    try {
      access.info("{} {} -> {} in {} ms", "GET", "/v1/users/me", status, 3L);
    } finally {
      MDC.remove("correlationId");
    }
  }

  @Test
  void successful_requests_are_logged_for_about_one_correlation_id_in_a_hundred() {
    List<String> ids =
        IntStream.range(0, 20_000).mapToObj(i -> UUID.randomUUID().toString()).toList();

    ids.forEach(id -> answer(id, 200));

    // binomial(20,000, 1/100): mean 200, sigma ~14; five sigma either side
    assertThat(written.list).hasSizeBetween(130, 270);
    LogSample sample = LogSample.parse("1/100");
    assertThat(written.list).hasSize((int) ids.stream().filter(sample::keeps).count());
  }

  @Test
  void client_and_server_errors_are_always_logged() {
    for (int i = 0; i < 500; i++) {
      answer(UUID.randomUUID().toString(), i % 2 == 0 ? 404 : 503);
    }

    assertThat(written.list).hasSize(500);
  }

  @Test
  void the_same_correlation_id_is_always_decided_alike() {
    String id = UUID.randomUUID().toString();
    for (int i = 0; i < 10; i++) {
      answer(id, 200);
    }

    assertThat(written.list.size()).isIn(0, 10);
  }

  @Test
  void other_loggers_are_never_sampled() {
    for (int i = 0; i < 100; i++) {
      MDC.put("correlationId", UUID.randomUUID().toString());
      other.info("request failed outside the handler");
      MDC.remove("correlationId");
    }

    assertThat(written.list).hasSize(100);
  }

  @Test
  void a_malformed_sample_keeps_every_line() {
    filter.setSample("lots");

    for (int i = 0; i < 50; i++) {
      answer(UUID.randomUUID().toString(), 200);
    }

    assertThat(written.list).hasSize(50);
  }
}
