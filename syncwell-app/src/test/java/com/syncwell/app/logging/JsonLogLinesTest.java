package com.syncwell.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Encodes events with the shipped logback.xml and reads the JSON lines back. */
class JsonLogLinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private LoggerContext context;
  private Logger logger;

  @BeforeEach
  void load_the_shipped_configuration() throws Exception {
    context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(JsonLogLinesTest.class.getResource("/logback.xml"));
    logger = context.getLogger("com.syncwell.engine.RunSyncJob");
  }

  private String encode(ILoggingEvent event) {
    JobSamplingAppender sampled =
        (JobSamplingAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("SAMPLED");
    OutputStreamAppender<ILoggingEvent> appender =
        (OutputStreamAppender<ILoggingEvent>) sampled.getAppender("JSON");
    return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
  }

  private String line(String message, Object... args) {
    return encode(new LoggingEvent(Logger.FQCN, logger, Level.INFO, message, null, args));
  }

  private JsonNode json(String line) throws Exception {
    return JSON.readTree(line);
  }

  @Test
  void the_shipped_configuration_loads_without_warnings() {
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .filteredOn(status -> status.getLevel() > Status.INFO)
        .isEmpty();
  }

  @Test
  void a_log_line_is_one_json_object_with_the_agreed_fields() throws Exception {
    String line = line("synced {} workouts", 3);

    assertThat(line).endsWith("\n");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode node = json(line);
    assertThat(node.get("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(node.get("level").asText()).isEqualTo("INFO");
    assertThat(node.get("service").asText()).isEqualTo("syncwell");
    assertThat(node.get("logger").asText()).isEqualTo("com.syncwell.engine.RunSyncJob");
    assertThat(node.get("message").asText()).isEqualTo("synced 3 workouts");
    assertThat(node.has("thread_name")).isFalse();
    assertThat(node.has("@version")).isFalse();
  }

  @Test
  void the_correlation_id_is_carried_when_the_context_has_one() throws Exception {
    LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "hello", null, null);
    event.setMDCPropertyMap(Map.of("correlationId", "c0ffee-42", "other", "x"));

    JsonNode node = json(encode(event));

    assertThat(node.get("correlationId").asText()).isEqualTo("c0ffee-42");
    assertThat(node.has("other")).isFalse();
  }

  @Test
  void a_line_without_a_correlation_id_has_no_such_field() throws Exception {
    assertThat(json(line("hello")).has("correlationId")).isFalse();
  }

  @Test
  void bearer_tokens_and_jwts_in_messages_are_masked() throws Exception {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJlLXBhcnQ";

    String message =
        json(line("calling with Authorization: Bearer {} and {}", "ya29.SECRETVALUE", jwt))
            .get("message")
            .asText();

    assertThat(message).doesNotContain("ya29.SECRETVALUE").doesNotContain(jwt);
    assertThat(message).contains("Bearer ****");
  }

  @Test
  void secret_query_parameters_and_json_members_in_messages_are_masked() throws Exception {
    String message =
        json(line(
                "refresh failed: {} / {}",
                "grant_type=refresh_token&refresh_token=r3fr3sh-s3cr3t&client_secret=cl13nt-s3cr3t",
                "{\"access_token\": \"acc3ss-s3cr3t\", \"expires_in\": 28800}"))
            .get("message")
            .asText();

    assertThat(message)
        .doesNotContain("r3fr3sh-s3cr3t")
        .doesNotContain("cl13nt-s3cr3t")
        .doesNotContain("acc3ss-s3cr3t")
        .contains("grant_type=refresh_token")
        .contains("\"expires_in\": 28800");
  }

  @Test
  void an_oauth_code_in_a_redirect_url_is_masked() throws Exception {
    String message =
        json(line("redirected to {}", "https://app.example/cb?code=4uth-c0de-xyz&state=s1"))
            .get("message")
            .asText();

    assertThat(message).doesNotContain("4uth-c0de-xyz").contains("state=s1");
  }

  @Test
  void secret_fields_logged_as_structured_arguments_are_masked() throws Exception {
    JsonNode node =
        json(
            line(
                "token response",
                StructuredArguments.kv("access_token", "struct-acc3ss"),
                StructuredArguments.kv("provider", "strava")));

    assertThat(node.get("access_token").asText()).isEqualTo("****");
    assertThat(node.get("provider").asText()).isEqualTo("strava");
  }

  @Test
  void secrets_in_exception_messages_are_masked_in_the_stack_trace() throws Exception {
    Exception failure =
        new IllegalStateException("token endpoint said access_token=l3ak3d-in-3rror");
    String line =
        encode(new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "refresh failed", failure, null));

    assertThat(line).doesNotContain("l3ak3d-in-3rror");
    assertThat(json(line).get("stack_trace").asText()).contains("IllegalStateException");
  }

  @Test
  void ordinary_text_is_left_alone() throws Exception {
    String message =
        json(line("listed {} records for code path {}", 12, "tokenizer")).get("message").asText();

    assertThat(message).isEqualTo("listed 12 records for code path tokenizer");
  }

  @Test
  void a_users_line_carries_a_keyed_hash_of_the_user_id_and_never_the_id() throws Exception {
    Exception failure = new IllegalStateException("no item USER#alice-1984 in the table");
    LoggingEvent event =
        new LoggingEvent(
            Logger.FQCN,
            logger,
            Level.ERROR,
            "refresh for {} failed",
            failure,
            new Object[] {"alice-1984"});
    event.setMDCPropertyMap(Map.of("syncwell.user", "alice-1984", "correlationId", "c0ffee-42"));

    String line = encode(event);

    assertThat(line).doesNotContain("alice-1984");
    JsonNode node = json(line);
    String ref = node.get("userRef").asText();
    assertThat(ref).matches("u_[A-Za-z0-9_-]{16}");
    assertThat(node.get("message").asText()).isEqualTo("refresh for " + ref + " failed");
    assertThat(node.get("stack_trace").asText()).contains("USER#" + ref);
    assertThat(node.has("syncwell.user")).isFalse();
  }

  @Test
  void the_same_user_has_the_same_reference_under_one_key_and_another_under_another() {
    UserRefs one = UserRefs.keyedBy("a-deployment-key-of-some-length");
    UserRefs same = UserRefs.keyedBy("a-deployment-key-of-some-length");
    UserRefs other = UserRefs.keyedBy("another-deployment-key-entirely");

    assertThat(one.of("alice-1984")).isEqualTo(same.of("alice-1984"));
    assertThat(one.of("alice-1984")).isNotEqualTo(other.of("alice-1984"));
    assertThat(one.of("alice-1984")).isNotEqualTo(one.of("bob-1984"));
    assertThat(one.keyGenerated()).isFalse();
    assertThat(UserRefs.keyedBy("").keyGenerated()).isTrue();
  }

  @Test
  void job_lines_carry_the_job_id_tier_and_outcome() throws Exception {
    LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "ended", null, null);
    event.setMDCPropertyMap(
        Map.of(
            "correlationId", "c0ffee-42",
            "jobId", "job_01",
            "tier", "PRO",
            "jobOutcome", "SUCCEEDED",
            "syncwell.jobRun", "job_01/m1"));

    JsonNode node = json(encode(event));

    assertThat(node.get("jobId").asText()).isEqualTo("job_01");
    assertThat(node.get("tier").asText()).isEqualTo("PRO");
    assertThat(node.get("jobOutcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(node.has("syncwell.jobRun")).isFalse();
  }
}
