package com.syncwell.engine.port.table;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A typed attribute value, with the value types DynamoDB offers. */
public sealed interface AttributeValue {

  /** A string. */
  record StringValue(String value) implements AttributeValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A number, kept exactly. */
  record NumberValue(BigDecimal value) implements AttributeValue {
    public NumberValue {
      Objects.requireNonNull(value, "value");
    }

    public long longValue() {
      return value.longValueExact();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NumberValue n && value.compareTo(n.value) == 0;
    }

    @Override
    public int hashCode() {
      return value.stripTrailingZeros().hashCode();
    }
  }

  /** Bytes (for example an encrypted token). The array is copied in and out. */
  record BinaryValue(byte[] value) implements AttributeValue {
    public BinaryValue {
      value = Objects.requireNonNull(value, "value").clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BinaryValue b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "BinaryValue[" + value.length + " bytes]";
    }

    public String base64() {
      return Base64.getEncoder().encodeToString(value);
    }
  }

  /** A boolean. */
  record BooleanValue(boolean value) implements AttributeValue {}

  /** An ordered list of values. */
  record ListValue(List<AttributeValue> values) implements AttributeValue {
    public ListValue {
      values = List.copyOf(values);
    }
  }

  /** A map of names to values; iteration order is the insertion order. */
  record MapValue(Map<String, AttributeValue> values) implements AttributeValue {
    public MapValue {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      values.forEach((k, v) -> Objects.requireNonNull(v, k));
    }
  }

  static AttributeValue of(String value) {
    return new StringValue(value);
  }

  static AttributeValue of(long value) {
    return new NumberValue(BigDecimal.valueOf(value));
  }

  static AttributeValue of(BigDecimal value) {
    return new NumberValue(value);
  }

  static AttributeValue of(boolean value) {
    return new BooleanValue(value);
  }

  static AttributeValue of(byte[] value) {
    return new BinaryValue(value);
  }

  static AttributeValue of(List<AttributeValue> values) {
    return new ListValue(values);
  }

  static AttributeValue of(Map<String, AttributeValue> values) {
    return new MapValue(values);
  }
}
