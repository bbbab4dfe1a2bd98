package com.syncwell.engine.store;

import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.Item;
import java.time.Instant;
import java.util.Optional;

/**
 * Typed reads of a stored item's attributes. A missing or mistyped required attribute means the
 * item was not written by this build: an {@link IllegalStateException} naming the item kind and
 * attribute, never the key (it holds a user id).
 */
final class StoredAttributes {
  private final Item item;
  private final String kind;

  StoredAttributes(Item item, String kind) {
    this.item = item;
    this.kind = kind;
  }

  String string(String name) {
    return optionalString(name).orElseThrow(() -> missing(name));
  }

  Optional<String> optionalString(String name) {
    return item.attribute(name)
        .map(
            v -> {
              if (v instanceof AttributeValue.StringValue s) {
                return s.value();
              }
              throw mistyped(name);
            });
  }

  long number(String name) {
    AttributeValue v = item.attribute(name).orElseThrow(() -> missing(name));
    if (v instanceof AttributeValue.NumberValue n) {
      return n.longValue();
    }
    throw mistyped(name);
  }

  long numberOr(String name, long fallback) {
    return item.attribute(name).isPresent() ? number(name) : fallback;
  }

  boolean bool(String name) {
    AttributeValue v = item.attribute(name).orElseThrow(() -> missing(name));
    if (v instanceof AttributeValue.BooleanValue b) {
      return b.value();
    }
    throw mistyped(name);
  }

  byte[] bytes(String name) {
    AttributeValue v = item.attribute(name).orElseThrow(() -> missing(name));
    if (v instanceof AttributeValue.BinaryValue b) {
      return b.value();
    }
    throw mistyped(name);
  }

  Instant instant(String name) {
    return Instant.parse(string(name));
  }

  Optional<Instant> optionalInstant(String name) {
    return optionalString(name).map(Instant::parse);
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    try {
      return Enum.valueOf(type, string(name));
    } catch (IllegalArgumentException e) {
      throw mistyped(name);
    }
  }

  private IllegalStateException missing(String name) {
    return new IllegalStateException("a stored " + kind + " item lacks attribute '" + name + "'");
  }

  private IllegalStateException mistyped(String name) {
    return new IllegalStateException(
        "a stored " + kind + " item has an unexpected value in attribute '" + name + "'");
  }
}
