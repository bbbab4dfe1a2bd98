package com.syncwell.engine.port.table;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A partial change to an existing item: attributes to set and to remove, index keys to set and to
 * remove, and what to do with the expiry. A name may not be both set and removed.
 */
public record ItemUpdate(
    Map<String, AttributeValue> set,
    Set<String> remove,
    Map<SecondaryIndex, IndexKey> setIndexKeys,
    Set<SecondaryIndex> removeIndexKeys,
    ExpiryChange expiry) {

  /** What an update does to the item's expiry. */
  public sealed interface ExpiryChange {
    record Keep() implements ExpiryChange {}

    record SetTo(Instant at) implements ExpiryChange {
      public SetTo {
        Objects.requireNonNull(at, "at");
      }
    }

    record Clear() implements ExpiryChange {}
  }

  public ItemUpdate {
    Map<String, AttributeValue> setCopy = new LinkedHashMap<>();
    set.forEach(
        (name, value) -> {
          Item.requireAttributeName(name);
          setCopy.put(name, Objects.requireNonNull(value, () -> "value of attribute " + name));
        });
    Set<String> removeCopy = new LinkedHashSet<>();
    for (String name : remove) {
      Item.requireAttributeName(name);
      if (setCopy.containsKey(name)) {
        throw new IllegalArgumentException(
            "attribute '" + name + "' cannot be both set and removed");
      }
      removeCopy.add(name);
    }
    EnumMap<SecondaryIndex, IndexKey> indexSet = new EnumMap<>(SecondaryIndex.class);
    setIndexKeys.forEach((i, k) -> indexSet.put(i, Objects.requireNonNull(k, i.name())));
    EnumSet<SecondaryIndex> indexRemove = EnumSet.noneOf(SecondaryIndex.class);
    for (SecondaryIndex index : removeIndexKeys) {
      if (indexSet.containsKey(index)) {
        throw new IllegalArgumentException(
            "index key " + index.indexName() + " cannot be both set and removed");
      }
      indexRemove.add(index);
    }
    set = Collections.unmodifiableMap(setCopy);
    remove = Collections.unmodifiableSet(removeCopy);
    setIndexKeys = Collections.unmodifiableMap(indexSet);
    removeIndexKeys = Collections.unmodifiableSet(indexRemove);
    Objects.requireNonNull(expiry, "expiry");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Applies this update to {@code item}; adapters that rewrite whole items use it. */
  public Item applyTo(Item item) {
    Item.Builder b = item.toBuilder();
    set.forEach(b::set);
    remove.forEach(b::remove);
    setIndexKeys.forEach(b::indexKey);
    removeIndexKeys.forEach(b::noIndexKey);
    switch (expiry) {
      case ExpiryChange.Keep ignored -> {}
      case ExpiryChange.SetTo to -> b.expiresAt(to.at());
      case ExpiryChange.Clear ignored -> b.noExpiry();
    }
    return b.build();
  }

  /** Builds an {@link ItemUpdate}. */
  public static final class Builder {
    private final Map<String, AttributeValue> set = new LinkedHashMap<>();
    private final Set<String> remove = new LinkedHashSet<>();
    private final Map<SecondaryIndex, IndexKey> setIndexKeys = new EnumMap<>(SecondaryIndex.class);
    private final Set<SecondaryIndex> removeIndexKeys = EnumSet.noneOf(SecondaryIndex.class);
    private ExpiryChange expiry = new ExpiryChange.Keep();

    private Builder() {}

    public Builder set(String name, AttributeValue value) {
      set.put(name, value);
      return this;
    }

    public Builder set(String name, String value) {
      return set(name, AttributeValue.of(value));
    }

    public Builder set(String name, long value) {
      return set(name, AttributeValue.of(value));
    }

    public Builder remove(String name) {
      remove.add(name);
      return this;
    }

    public Builder indexKey(SecondaryIndex index, IndexKey key) {
      setIndexKeys.put(index, key);
      return this;
    }

    public Builder removeIndexKey(SecondaryIndex index) {
      removeIndexKeys.add(index);
      return this;
    }

    public Builder expiresAt(Instant at) {
      expiry = new ExpiryChange.SetTo(at);
      return this;
    }

    public Builder clearExpiry() {
      expiry = new ExpiryChange.Clear();
      return this;
    }

    public ItemUpdate build() {
      return new ItemUpdate(set, remove, setIndexKeys, removeIndexKeys, expiry);
    }
  }
}
