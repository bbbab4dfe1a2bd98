package com.syncwell.store.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.syncwell.engine.port.table.AttributeValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item attributes as JSON in DynamoDB's typed form: {@code {"name":{"S":"x"},"n":{"N":"1.50"}}}.
 * Numbers are exact decimal strings ({@link BigDecimal#toString()}, scale kept), binaries are
 * standard base64, lists ({@code L}) and maps ({@code M}) nest.
 */
final class AttributeJson {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private AttributeJson() {}

  static String write(Map<String, AttributeValue> attributes) {
    StringWriter out = new StringWriter(64 + attributes.size() * 32);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      writeMap(g, attributes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write attributes as JSON", e);
    }
    return out.toString();
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IOException when {@code json} is not in that form
   */
  static Map<String, AttributeValue> read(String json) throws IOException {
    try (JsonParser p = JSON.createParser(json)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT);
      Map<String, AttributeValue> attributes = readMapBody(p);
      if (p.nextToken() != null) {
        throw new IOException("trailing content after the attributes");
      }
      return attributes;
    }
  }

  private static void writeMap(JsonGenerator g, Map<String, AttributeValue> values)
      throws IOException {
    g.writeStartObject();
    for (var e : values.entrySet()) {
      g.writeFieldName(e.getKey());
      writeValue(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, AttributeValue value) throws IOException {
    g.writeStartObject();
    switch (value) {
      case AttributeValue.StringValue s -> g.writeStringField("S", s.value());
      case AttributeValue.NumberValue n -> g.writeStringField("N", n.value().toString());
      case AttributeValue.BinaryValue b -> g.writeStringField("B", b.base64());
      case AttributeValue.BooleanValue b -> g.writeBooleanField("BOOL", b.value());
      case AttributeValue.ListValue l -> {
        g.writeFieldName("L");
        g.writeStartArray();
        for (AttributeValue v : l.values()) {
          writeValue(g, v);
        }
        g.writeEndArray();
      }
      case AttributeValue.MapValue m -> {
        g.writeFieldName("M");
        writeMap(g, m.values());
      }
    }
    g.writeEndObject();
  }

  /** Reads field/value pairs up to the END_OBJECT of an object whose START_OBJECT was read. */
  private static Map<String, AttributeValue> readMapBody(JsonParser p) throws IOException {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      expect(p, p.nextToken(), JsonToken.START_OBJECT);
      values.put(name, readValueBody(p));
    }
    expect(p, t, JsonToken.END_OBJECT);
    return values;
  }

  /** Reads {@code "TYPE": value}} of a typed value whose START_OBJECT was read. */
  private static AttributeValue readValueBody(JsonParser p) throws IOException {
    expect(p, p.nextToken(), JsonToken.FIELD_NAME);
    String type = p.currentName();
    JsonToken t = p.nextToken();
    AttributeValue value =
        switch (type) {
          case "S" -> new AttributeValue.StringValue(text(p, t));
          case "N" -> new AttributeValue.NumberValue(number(p, text(p, t)));
          case "B" -> new AttributeValue.BinaryValue(binary(p, text(p, t)));
          case "BOOL" -> {
            if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
              throw new IOException("BOOL needs true or false, found " + t);
            }
            yield new AttributeValue.BooleanValue(t == JsonToken.VALUE_TRUE);
          }
          case "L" -> {
            expect(p, t, JsonToken.START_ARRAY);
            List<AttributeValue> values = new ArrayList<>();
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
              values.add(readValueBody(p));
            }
            expect(p, t, JsonToken.END_ARRAY);
            yield new AttributeValue.ListValue(values);
          }
          case "M" -> {
            expect(p, t, JsonToken.START_OBJECT);
            yield new AttributeValue.MapValue(readMapBody(p));
          }
          default -> throw new IOException("unknown attribute type '" + type + "'");
        };
    expect(p, p.nextToken(), JsonToken.END_OBJECT);
    return value;
  }

  private static String text(JsonParser p, JsonToken t) throws IOException {
    expect(p, t, JsonToken.VALUE_STRING);
    return p.getText();
  }

  private static BigDecimal number(JsonParser p, String text) throws IOException {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IOException("not a number at " + p.currentLocation() + ": " + text, e);
    }
  }

  private static byte[] binary(JsonParser p, String text) throws IOException {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IOException("not base64 at " + p.currentLocation(), e);
    }
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected)
      throws IOException {
    if (actual != expected) {
      throw new IOException(
          "expected " + expected + " but found " + actual + " at " + p.currentLocation());
    }
  }
}
