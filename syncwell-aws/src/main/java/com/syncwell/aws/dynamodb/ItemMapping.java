package com.syncwell.aws.dynamodb;

import static com.syncwell.aws.dynamodb.DynamoDbTableSchema.EXPIRES_AT;
import static com.syncwell.aws.dynamodb.DynamoDbTableSchema.PARTITION_KEY;
import static com.syncwell.aws.dynamodb.DynamoDbTableSchema.SORT_KEY;
import static com.syncwell.aws.dynamodb.DynamoDbTableSchema.VERSION;

import com.syncwell.engine.port.StorageFailure;
import com.syncwell.engine.port.table.AttributeValue;
import com.syncwell.engine.port.table.IndexKey;
import com.syncwell.engine.port.table.Item;
import com.syncwell.engine.port.table.ItemKey;
import com.syncwell.engine.port.table.SecondaryIndex;
import com.syncwell.engine.port.table.StoredItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Items of the port to DynamoDB attribute maps and back. Numbers travel in the SDK's string form
 * (exact); expiries as whole epoch seconds (sub-second parts are dropped, so an item expires at the
 * start of its second).
 */
final class ItemMapping {
  private ItemMapping() {}

  /** The attribute map of {@code item} stored at {@code version}. */
  static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toAttributes(
      Item item, long version) {
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out =
        new LinkedHashMap<>();
    item.attributes().forEach((name, value) -> out.put(name, toDynamo(value)));
    out.putAll(key(item.key()));
    out.put(VERSION, number(version));
    item.expiresAt().ifPresent(at -> out.put(EXPIRES_AT, number(epochSeconds(at))));
    item.indexKeys()
        .forEach(
            (index, indexKey) -> {
              out.put(
                  DynamoDbTableSchema.indexPartitionKey(index), string(indexKey.partitionKey()));
              out.put(
                  DynamoDbTableSchema.indexSortKey(index),
                  string(IndexSortKey.encode(indexKey.sortKey(), item.key())));
            });
    return out;
  }

  /** The primary key attributes of {@code key}. */
  static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(
      ItemKey key) {
    return Map.of(PARTITION_KEY, string(key.partitionKey()), SORT_KEY, string(key.sortKey()));
  }

  /**
   * The stored item an attribute map read from the table holds.
   *
   * @throws StorageFailure when the map is not one this adapter wrote
   */
  static StoredItem storedItem(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> attributes) {
    try {
      ItemKey key = ItemKey.of(text(attributes, PARTITION_KEY), text(attributes, SORT_KEY));
      long version = new BigDecimal(required(attributes, VERSION).n()).longValueExact();
      Optional<Instant> expiresAt =
          Optional.ofNullable(attributes.get(EXPIRES_AT))
              .map(v -> Instant.ofEpochSecond(new BigDecimal(v.n()).longValueExact()));
      Map<SecondaryIndex, IndexKey> indexKeys = new EnumMap<>(SecondaryIndex.class);
      for (SecondaryIndex index : SecondaryIndex.values()) {
        var partition = attributes.get(DynamoDbTableSchema.indexPartitionKey(index));
        if (partition != null) {
          String encoded = text(attributes, DynamoDbTableSchema.indexSortKey(index));
          indexKeys.put(index, IndexKey.of(partition.s(), IndexSortKey.decode(encoded).getFirst()));
        }
      }
      Map<String, AttributeValue> itemAttributes = new LinkedHashMap<>();
      attributes.forEach(
          (name, value) -> {
            if (!isTableAttribute(name)) {
              itemAttributes.put(name, fromDynamo(value));
            }
          });
      return new StoredItem(new Item(key, itemAttributes, expiresAt, indexKeys), version);
    } catch (RuntimeException e) {
      throw new StorageFailure(
          "an item of the DynamoDB table is not one this adapter wrote: " + e.getMessage(), e);
    }
  }

  static long epochSeconds(Instant at) {
    return at.getEpochSecond();
  }

  static software.amazon.awssdk.services.dynamodb.model.AttributeValue string(String value) {
    return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
  }

  static software.amazon.awssdk.services.dynamodb.model.AttributeValue number(long value) {
    return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
        Long.toString(value));
  }

  static software.amazon.awssdk.services.dynamodb.model.AttributeValue toDynamo(
      AttributeValue value) {
    return switch (value) {
      case AttributeValue.StringValue s ->
          software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(s.value());
      case AttributeValue.NumberValue n ->
          software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(n.value().toString());
      case AttributeValue.BinaryValue b ->
          software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromB(
              SdkBytes.fromByteArray(b.value()));
      case AttributeValue.BooleanValue b ->
          software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(b.value());
      case AttributeValue.ListValue l ->
          software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(
              l.values().stream().map(ItemMapping::toDynamo).toList());
      case AttributeValue.MapValue m -> {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out =
            new LinkedHashMap<>();
        m.values().forEach((name, v) -> out.put(name, toDynamo(v)));
        yield software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(out);
      }
    };
  }

  static AttributeValue fromDynamo(
      software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
    return switch (value.type()) {
      case S -> AttributeValue.of(value.s());
      case N -> AttributeValue.of(new BigDecimal(value.n()));
      case B -> AttributeValue.of(value.b().asByteArray());
      case BOOL -> AttributeValue.of(value.bool());
      case L -> {
        List<AttributeValue> values = new ArrayList<>(value.l().size());
        value.l().forEach(v -> values.add(fromDynamo(v)));
        yield AttributeValue.of(values);
      }
      case M -> {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        value.m().forEach((name, v) -> values.put(name, fromDynamo(v)));
        yield AttributeValue.of(values);
      }
      default ->
          throw new IllegalArgumentException(
              "attribute type " + value.type() + " is not one the port writes");
    };
  }

  private static boolean isTableAttribute(String name) {
    return Item.RESERVED_NAMES.contains(name);
  }

  private static software.amazon.awssdk.services.dynamodb.model.AttributeValue required(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> attributes,
      String name) {
    var value = attributes.get(name);
    if (value == null) {
      throw new IllegalArgumentException("attribute " + name + " is missing");
    }
    return value;
  }

  private static String text(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> attributes,
      String name) {
    String s = required(attributes, name).s();
    if (s == null) {
      throw new IllegalArgumentException("attribute " + name + " is not a string");
    }
    return s;
  }
}
