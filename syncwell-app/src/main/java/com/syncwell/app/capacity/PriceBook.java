package com.syncwell.app.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The versioned data the model prices with: unit prices, the nominal assumptions, the scenarios,
 * the savings plan, the fleet sizing rules and the review's total to reconcile with. Read from a
 * YAML file ({@link #DEFAULT_RESOURCE} in the jar unless another is given); unknown or missing keys
 * are refused, so a typo cannot silently fall back to something else.
 *
 * @param scenarios by name: assumptions replaced relative to the nominal ones
 */
public record PriceBook(
    String version,
    String region,
    double daysPerMonth,
    double hoursPerMonth,
    double reviewMonthlyTotal,
    Assumptions nominal,
    Map<String, Map<Assumption, Double>> scenarios,
    Map<Meter, UnitPrice> prices,
    SavingsPlan savingsPlan,
    FleetSettings fleet) {
  public static final String DEFAULT_RESOURCE = "/capacity/prices-2026-11.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP =
      Set.of(
          "version",
          "region",
          "currency",
          "daysPerMonth",
          "hoursPerMonth",
          "review",
          "assumptions",
          "scenarios",
          "prices",
          "savingsPlan",
          "fleet");

  public PriceBook {
    scenarios = Map.copyOf(scenarios);
    prices = Map.copyOf(prices);
    for (Meter m : Meter.values()) {
      if (!prices.containsKey(m)) {
        throw new InvalidCapacityInput("price '" + m.key() + "' is missing");
      }
    }
  }

  /** The price file shipped in this jar. */
  public static PriceBook standard() {
    try (InputStream in = PriceBook.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath");
      }
      return parse(YAML.readTree(in), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * @throws InvalidCapacityInput when the file cannot be read or is not a valid price file
   */
  public static PriceBook read(Path file) {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = YAML.readTree(in);
    } catch (IOException e) {
      throw new InvalidCapacityInput(file + ": cannot be read as YAML (" + e.getMessage() + ")");
    }
    return parse(root, file.toString());
  }

  /** The nominal assumptions with the scenario's replacements. */
  public Assumptions scenario(String name) {
    Map<Assumption, Double> replaced = scenarios.get(name);
    if (replaced == null) {
      throw new InvalidCapacityInput("no scenario '" + name + "' in the price file");
    }
    return nominal.with(replaced);
  }

  public UnitPrice price(Meter m) {
    return prices.get(m);
  }

  static PriceBook parse(JsonNode root, String name) {
    try {
      if (root == null || !root.isObject()) {
        throw new InvalidCapacityInput("not a mapping");
      }
      onlyKeys(root, TOP, "");
      Map<Assumption, Double> nominal = assumptions(need(root, "assumptions"), "assumptions.");
      Map<String, Map<Assumption, Double>> scenarios = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = need(root, "scenarios").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        scenarios.put(e.getKey(), assumptions(e.getValue(), "scenarios." + e.getKey() + "."));
      }
      Map<Meter, UnitPrice> prices = new EnumMap<>(Meter.class);
      for (Iterator<Map.Entry<String, JsonNode>> it = need(root, "prices").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Meter m =
            Meter.byKey(e.getKey())
                .orElseThrow(() -> new InvalidCapacityInput("unknown price '" + e.getKey() + "'"));
        prices.put(m, price(e.getValue(), "prices." + e.getKey()));
      }
      JsonNode plan = need(root, "savingsPlan");
      onlyKeys(plan, Set.of("name", "lambdaDuration", "ec2", "source"), "savingsPlan.");
      JsonNode fleet = need(root, "fleet");
      onlyKeys(fleet, Set.of("nodeType", "targetUtilisation", "spareNodesPerRole"), "fleet.");
      JsonNode review = need(root, "review");
      onlyKeys(review, Set.of("monthlyTotal", "note"), "review.");
      return new PriceBook(
          text(root, "version"),
          text(root, "region"),
          number(root, "daysPerMonth"),
          number(root, "hoursPerMonth"),
          number(review, "monthlyTotal"),
          Assumptions.of(nominal),
          scenarios,
          prices,
          new SavingsPlan(
              text(plan, "name"),
              number(plan, "lambdaDuration"),
              number(plan, "ec2"),
              text(plan, "source")),
          new FleetSettings(
              text(fleet, "nodeType"),
              number(fleet, "targetUtilisation"),
              (int) number(fleet, "spareNodesPerRole")));
    } catch (InvalidCapacityInput e) {
      throw new InvalidCapacityInput(name + ": " + e.getMessage(), e);
    }
  }

  private static Map<Assumption, Double> assumptions(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new InvalidCapacityInput(where + " must be a mapping");
    }
    Map<Assumption, Double> values = new EnumMap<>(Assumption.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Assumption a =
          Assumption.byKey(e.getKey())
              .orElseThrow(
                  () ->
                      new InvalidCapacityInput("unknown assumption '" + where + e.getKey() + "'"));
      values.put(a, number(node, e.getKey()));
    }
    return values;
  }

  private static UnitPrice price(JsonNode node, String where) {
    onlyKeys(node, Set.of("unit", "per", "price", "tiers", "source", "note"), where + ".");
    List<UnitPrice.Tier> tiers = new ArrayList<>();
    if (node.has("price") == node.has("tiers")) {
      throw new InvalidCapacityInput(where + ": give either 'price' or 'tiers'");
    }
    if (node.has("price")) {
      tiers.add(new UnitPrice.Tier(null, number(node, "price")));
    } else {
      for (JsonNode t : node.get("tiers")) {
        onlyKeys(t, Set.of("upTo", "price"), where + ".tiers.");
        tiers.add(new UnitPrice.Tier(t.has("upTo") ? number(t, "upTo") : null, number(t, "price")));
      }
    }
    return new UnitPrice(
        text(node, "unit"),
        node.has("per") ? number(node, "per") : 1,
        tiers,
        text(node, "source"),
        node.path("note").asText(""));
  }

  private static JsonNode need(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new InvalidCapacityInput("'" + key + "' is missing");
    }
    return v;
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = need(node, key);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new InvalidCapacityInput("'" + key + "' must be text");
    }
    return v.asText();
  }

  private static double number(JsonNode node, String key) {
    JsonNode v = need(node, key);
    if (!v.isNumber()) {
      throw new InvalidCapacityInput("'" + key + "' must be a number, was '" + v.asText() + "'");
    }
    return v.asDouble();
  }

  private static void onlyKeys(JsonNode node, Set<String> allowed, String where) {
    if (!node.isObject()) {
      throw new InvalidCapacityInput(where + " must be a mapping");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new InvalidCapacityInput("unknown key '" + where + k + "'");
      }
    }
  }
}
