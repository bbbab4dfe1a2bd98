package com.syncwell.connector.fitbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project-level webhook subscriber ({@code v4/projects/{project}/subscribers}): its endpoint, the
 * data types per creation policy, and whether a secret is set (older answers say {@code
 * authorizationTokenSet}, newer ones {@code secretSet}). Builds the create and patch bodies; the
 * secret is the whole {@code Authorization} value Google will send.
 */
public record GoogleHealthSubscriber(
    Optional<String> name, URI endpointUri, List<Config> configs, boolean secretSet) {

  public enum Policy {
    AUTOMATIC,
    MANUAL
  }

  public record Config(List<String> dataTypes, Policy policy) {
    public Config {
      dataTypes = List.copyOf(dataTypes);
      Objects.requireNonNull(policy, "policy");
    }
  }

  public GoogleHealthSubscriber {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpointUri, "endpointUri");
    configs = List.copyOf(configs);
  }

  /** The body of {@code POST v4/projects/{project}/subscribers}. */
  public String createRequest(String secret) {
    ObjectNode body = GoogleJson.MAPPER.createObjectNode();
    body.put("endpointUri", endpointUri.toString());
    ArrayNode configsNode = body.putArray("subscriberConfigs");
    for (Config c : configs) {
      ObjectNode node = configsNode.addObject();
      ArrayNode types = node.putArray("dataTypes");
      c.dataTypes().forEach(types::add);
      node.put("subscriptionCreatePolicy", c.policy().name());
    }
    body.putObject("endpointAuthorization").put("secret", Objects.requireNonNull(secret));
    return body.toString();
  }

  /** The body of {@code PATCH …/subscribers/{id}?updateMask=endpoint_uri}. */
  public static String patchEndpointRequest(URI newEndpoint) {
    ObjectNode body = GoogleJson.MAPPER.createObjectNode();
    body.put("endpointUri", newEndpoint.toString());
    return body.toString();
  }

  public static GoogleHealthSubscriber parse(String json) {
    return of(read(json));
  }

  /** The subscribers of a list answer. */
  public static List<GoogleHealthSubscriber> parseList(String json) {
    List<GoogleHealthSubscriber> all = new ArrayList<>();
    read(json).path("subscribers").forEach(s -> all.add(of(s)));
    return all;
  }

  private static GoogleHealthSubscriber of(JsonNode node) {
    List<Config> configs = new ArrayList<>();
    for (JsonNode c : node.path("subscriberConfigs")) {
      List<String> types = new ArrayList<>();
      c.path("dataTypes").forEach(t -> types.add(t.asText()));
      configs.add(new Config(types, Policy.valueOf(c.path("subscriptionCreatePolicy").asText())));
    }
    JsonNode auth = node.path("endpointAuthorization");
    return new GoogleHealthSubscriber(
        GoogleJson.optionalText(node, "name"),
        URI.create(GoogleJson.text(node, "endpointUri")),
        configs,
        auth.path("secretSet").asBoolean(false)
            || auth.path("authorizationTokenSet").asBoolean(false));
  }

  private static JsonNode read(String json) {
    try {
      return GoogleJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
