package com.syncwell.engine.port.table;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is written to the table: key, typed attributes, an optional expiry and optional keys for the
 * sparse secondary indexes. Reads return it with its version as a {@link StoredItem}.
 *
 * <p>Attribute names are 1 to 255 characters and must not be one of {@link #RESERVED_NAMES}. An
 * item is at most {@link #MAX_SIZE_BYTES} (the DynamoDB item limit), counted as DynamoDB counts it:
 * names plus values.
 */
public record Item(
    ItemKey key,
    Map<String, AttributeValue> attributes,
    Optional<Instant> expiresAt,
    Map<SecondaryIndex, IndexKey> indexKeys) {

  public static final int MAX_SIZE_BYTES = 400 * 1024;
  public static final int MAX_ATTRIBUTE_NAME_LENGTH = 255;

  /** Names the adapters use for their own columns; items may not use them. */
  public static final Set<String> RESERVED_NAMES =
      Set.of("PK", "SK", "version", "expiresAt", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK");

  public Item {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Map<String, AttributeValue> copy = new LinkedHashMap<>();
    Objects.requireNonNull(attributes, "attributes")
        .forEach(
            (name, value) -> {
              requireAttributeName(name);
              copy.put(name, Objects.requireNonNull(value, () -> "value of attribute " + name));
            });
    attributes = Collections.unmodifiableMap(copy);
    EnumMap<SecondaryIndex, IndexKey> indexes = new EnumMap<>(SecondaryIndex.class);
    Objects.requireNonNull(indexKeys, "indexKeys")
        .forEach((index, k) -> indexes.put(index, Objects.requireNonNull(k, index.name())));
    indexKeys = Collections.unmodifiableMap(indexes);
    int size = sizeInBytes(key, attributes);
    if (size > MAX_SIZE_BYTES) {
      throw new IllegalArgumentException(
          "item is " + size + " bytes; the limit is " + MAX_SIZE_BYTES + " bytes");
    }
  }

  public static Builder builder(ItemKey key) {
    return new Builder(key);
  }

  public static Builder builder(String partitionKey, String sortKey) {
    return new Builder(ItemKey.of(partitionKey, sortKey));
  }

  public Optional<AttributeValue> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** True when the item has an expiry at or before {@code now}: readers treat it as absent. */
  public boolean isExpiredAt(Instant now) {
    return expiresAt.map(at -> !at.isAfter(now)).orElse(false);
  }

  public Builder toBuilder() {
    Builder b = new Builder(key);
    b.attributes.putAll(attributes);
    b.expiresAt = expiresAt;
    b.indexKeys.putAll(indexKeys);
    return b;
  }

  static void requireAttributeName(String name) {
    Objects.requireNonNull(name, "attribute name");
    if (name.isEmpty() || name.length() > MAX_ATTRIBUTE_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "attribute name must be 1 to " + MAX_ATTRIBUTE_NAME_LENGTH + " characters");
    }
    if (RESERVED_NAMES.contains(name)) {
      throw new IllegalArgumentException("attribute name '" + name + "' is reserved");
    }
  }

  private static int sizeInBytes(ItemKey key, Map<String, AttributeValue> attributes) {
    int size = utf8(key.partitionKey()) + utf8(key.sortKey()) + 32;
    for (var e : attributes.entrySet()) {
      size += utf8(e.getKey()) + sizeOf(e.getValue());
    }
    return size;
  }

  private static int sizeOf(AttributeValue value) {
    return switch (value) {
      case AttributeValue.StringValue s -> utf8(s.value());
      case AttributeValue.NumberValue n -> 1 + (n.value().precision() + 1) / 2;
      case AttributeValue.BinaryValue b -> b.value().length;
      case AttributeValue.BooleanValue ignored -> 1;
      case AttributeValue.ListValue l -> 3 + l.values().stream().mapToInt(v -> 1 + sizeOf(v)).sum();
      case AttributeValue.MapValue m ->
          3
              + m.values().entrySet().stream()
                  .mapToInt(e -> 1 + utf8(e.getKey()) + sizeOf(e.getValue()))
                  .sum();
    };
  }

  /**
   * The length of {@code s} in UTF-8 as {@code String.getBytes(UTF_8)} encodes it (a lone surrogate
   * becomes one replacement byte), counted without encoding it.
   */
  static int utf8(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 2; // four bytes for the pair's two chars
        i++;
      } else if (!Character.isSurrogate(c)) {
        bytes += 2;
      }
    }
    return bytes;
  }

  /** Builds an {@link Item}; validation happens in {@link #build()}. */
  public static final class Builder {
    private final ItemKey key;
    private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    private Optional<Instant> expiresAt = Optional.empty();
    private final Map<SecondaryIndex, IndexKey> indexKeys = new EnumMap<>(SecondaryIndex.class);

    private Builder(ItemKey key) {
      this.key = Objects.requireNonNull(key, "key");
    }

    public Builder set(String name, AttributeValue value) {
      attributes.put(name, value);
      return this;
    }

    public Builder set(String name, String value) {
      return set(name, AttributeValue.of(value));
    }

    public Builder set(String name, long value) {
      return set(name, AttributeValue.of(value));
    }

    public Builder set(String name, boolean value) {
      return set(name, AttributeValue.of(value));
    }

    public Builder remove(String name) {
      attributes.remove(name);
      return this;
    }

    public Builder expiresAt(Instant at) {
      this.expiresAt = Optional.of(at);
      return this;
    }

    public Builder noExpiry() {
      this.expiresAt = Optional.empty();
      return this;
    }

    public Builder indexKey(SecondaryIndex index, IndexKey indexKey) {
      indexKeys.put(index, indexKey);
      return this;
    }

    public Builder noIndexKey(SecondaryIndex index) {
      indexKeys.remove(index);
      return this;
    }

    public Item build() {
      return new Item(key, attributes, expiresAt, indexKeys);
    }
  }
}
