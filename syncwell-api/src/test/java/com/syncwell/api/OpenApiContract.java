package com.syncwell.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.syncwell.api.ops.OperationsRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI file read with Jackson's YAML parser, and JSON Schema 2020-12 validation of instances
 * against its schemas (networknt). Inline schemas are validated standalone, their {@code #/...}
 * references rewritten to the whole document, registered under {@link #BASE}.
 */
final class OpenApiContract {
  static final String BASE = "https://syncwell.dev/openapi.json";
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  final JsonNode doc;
  private final SchemaRegistry registry;

  private OpenApiContract(JsonNode doc) {
    this.doc = doc;
    String json;
    try {
      json = JSON.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(BASE, json)));
  }

  static OpenApiContract load() {
    try {
      return new OpenApiContract(YAML.readTree(OperationsRoutes.loadContract()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every documented operation as {@code "GET /v1/sync-jobs/{id}"}. */
  Set<String> operations() {
    Set<String> ops = new TreeSet<>();
    doc.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m -> {
                          if (METHODS.contains(m)) {
                            ops.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));
    return ops;
  }

  JsonNode operation(String method, String template) {
    return doc.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
  }

  /** Follows a {@code $ref} to a component, if the node is one. */
  JsonNode deref(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      current = doc.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  /**
   * The documented schema of the response {@code status} (else {@code default}) in {@code type}.
   */
  Optional<JsonNode> responseSchema(String method, String template, int status, String type) {
    JsonNode responses = operation(method, template).path("responses");
    JsonNode response = responses.path(Integer.toString(status));
    if (response.isMissingNode()) {
      response = responses.path("default");
    }
    if (response.isMissingNode()) {
      return Optional.empty();
    }
    JsonNode schema = deref(response).path("content").path(type).path("schema");
    return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
  }

  /** Whether {@code status} is documented for the operation (explicitly, not by default). */
  boolean documents(String method, String template, int status) {
    return operation(method, template).path("responses").has(Integer.toString(status));
  }

  /** The validation errors of {@code instance} against {@code schemaNode}; empty when valid. */
  List<String> validate(JsonNode schemaNode, JsonNode instance) {
    Schema schema = registry.getSchema(absolute(schemaNode).toString(), InputFormat.JSON);
    try {
      return schema.validate(JSON.writeValueAsString(instance), InputFormat.JSON).stream()
          .map(Object::toString)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode absolute(JsonNode schemaNode) {
    JsonNode copy = schemaNode.deepCopy();
    rewriteRefs(copy);
    if (copy instanceof ObjectNode o) {
      o.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    }
    return copy;
  }

  private static void rewriteRefs(JsonNode node) {
    if (node instanceof ObjectNode o) {
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
        o.put("$ref", BASE + ref.asText());
      }
      o.elements().forEachRemaining(OpenApiContract::rewriteRefs);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(OpenApiContract::rewriteRefs);
    }
  }

  /** An example found in the document, with where it is and the schema it must satisfy. */
  record Example(String where, JsonNode schema, JsonNode value) {}

  /**
   * Every example: {@code example} and {@code examples.*.value} next to a {@code schema} (media
   * types, parameters), and {@code examples} arrays inside component schemas.
   */
  List<Example> examples() {
    List<Example> found = new ArrayList<>();
    collect(doc, "", found);
    doc.path("components")
        .path("schemas")
        .properties()
        .forEach(
            e -> collectSchemaExamples(e.getValue(), "/components/schemas/" + e.getKey(), found));
    return found;
  }

  private void collect(JsonNode node, String where, List<Example> out) {
    if (!node.isContainerNode()) {
      return;
    }
    if (node.isObject() && node.has("schema") && !where.startsWith("/components/schemas")) {
      JsonNode schema = node.get("schema");
      if (node.has("example")) {
        out.add(new Example(where + "/example", schema, node.get("example")));
      }
      JsonNode named = node.path("examples");
      if (named.isObject()) {
        named
            .properties()
            .forEach(
                e ->
                    out.add(
                        new Example(
                            where + "/examples/" + e.getKey(),
                            schema,
                            deref(e.getValue()).path("value"))));
      }
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(e.getValue(), where + "/" + e.getKey(), out);
      }
    } else {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), where + "/" + i, out);
      }
    }
  }

  private void collectSchemaExamples(JsonNode schema, String where, List<Example> out) {
    if (!schema.isObject()) {
      return;
    }
    JsonNode examples = schema.path("examples");
    if (examples.isArray()) {
      for (int i = 0; i < examples.size(); i++) {
        out.add(new Example(where + "/examples/" + i, schema, examples.get(i)));
      }
    }
    schema
        .properties()
        .forEach(
            e -> {
              if (e.getKey().equals("properties")) {
                e.getValue()
                    .properties()
                    .forEach(
                        p ->
                            collectSchemaExamples(
                                p.getValue(), where + "/properties/" + p.getKey(), out));
              } else if (e.getKey().equals("items")) {
                collectSchemaExamples(e.getValue(), where + "/items", out);
              }
            });
  }
}
