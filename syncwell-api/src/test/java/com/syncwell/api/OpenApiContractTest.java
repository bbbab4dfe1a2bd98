package com.syncwell.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.syncwell.api.http.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI file and the server agree, and the file is consistent with itself. */
class OpenApiContractTest {
  private final OpenApiContract contract = OpenApiContract.load();

  @Test
  void every_registered_route_is_documented_and_every_documented_operation_is_registered(
      @TempDir Path dir) {
    Set<String> registered = new TreeSet<>();
    try (ApiBed bed = new ApiBed(dir)) {
      for (Route r : bed.server.routes().routes()) {
        registered.add(r.method() + " " + r.template());
      }
    }
    assertThat(registered).hasSizeGreaterThanOrEqualTo(20);
    assertThat(contract.operations()).isEqualTo(registered);
  }

  @Test
  void the_document_is_openapi_3_1_with_a_bearer_scheme_and_a_problem_schema() {
    assertThat(contract.doc.path("openapi").asText()).startsWith("3.1.");
    assertThat(contract.doc.at("/components/securitySchemes/bearer/scheme").asText())
        .isEqualTo("bearer");
    assertThat(contract.doc.at("/components/schemas/Problem/required").toString())
        .contains("type", "title", "status", "detail", "code", "correlationId");
  }

  @Test
  void open_routes_say_so_and_user_routes_inherit_the_bearer_requirement(@TempDir Path dir) {
    try (ApiBed bed = new ApiBed(dir)) {
      for (Route r : bed.server.routes().routes()) {
        JsonNode security = contract.operation(r.method(), r.template()).path("security");
        if (r.access() == Route.Access.PUBLIC) {
          assertThat(security.isArray() && security.isEmpty()).as(r.toString()).isTrue();
        } else {
          assertThat(security.isMissingNode()).as(r.toString()).isTrue();
          assertThat(contract.documents(r.method(), r.template(), 401)).as(r.toString()).isTrue();
        }
        if (r.idempotency() == Route.Idempotency.REQUIRED) {
          assertThat(contract.operation(r.method(), r.template()).path("parameters").toString())
              .as(r.toString())
              .contains("IdempotencyKeyRequired");
        }
      }
    }
  }

  @Test
  void every_operation_with_a_request_body_has_an_example() {
    List<String> missing = new ArrayList<>();
    for (String op : contract.operations()) {
      String[] parts = op.split(" ", 2);
      JsonNode body = contract.operation(parts[0], parts[1]).path("requestBody");
      if (!body.isMissingNode()) {
        JsonNode media = body.path("content").path("application/json");
        if (!media.has("example") && !media.has("examples")) {
          missing.add(op);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void every_example_validates_against_its_schema() {
    List<OpenApiContract.Example> examples = contract.examples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(25);
    List<String> failures = new ArrayList<>();
    for (OpenApiContract.Example e : examples) {
      List<String> errors = contract.validate(e.schema(), e.value());
      if (!errors.isEmpty()) {
        failures.add(e.where() + ": " + errors);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void validation_does_reject_what_the_schemas_forbid() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode newConfig = contract.doc.at("/components/schemas/NewSyncConfig");
    assertThat(
            contract.validate(
                newConfig,
                json.readTree(
                    "{\"sourceConnectionId\":\"a\",\"destinationConnectionId\":\"b\","
                        + "\"dataType\":\"mood\"}")))
        .isNotEmpty();
    assertThat(
            contract.validate(
                newConfig,
                json.readTree(
                    "{\"sourceConnectionId\":\"a\",\"destinationConnectionId\":\"b\","
                        + "\"dataType\":\"steps\",\"colour\":1}")))
        .isNotEmpty();
    assertThat(
            contract.validate(
                contract.doc.at("/components/schemas/SyncJobRequest"),
                json.readTree("{\"syncConfigId\":\"a\",\"mode\":\"manual\"}")))
        .isNotEmpty();
    assertThat(
            contract.validate(
                contract.doc.at("/components/schemas/Problem"),
                json.readTree("{\"type\":\"about:blank\",\"status\":400}")))
        .isNotEmpty();
  }
}
