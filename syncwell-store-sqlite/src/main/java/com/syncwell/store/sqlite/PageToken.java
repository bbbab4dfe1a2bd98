package com.syncwell.store.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.syncwell.engine.port.table.Query;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The opaque page token of a query: base64url of {@code {"q":<query id>,"k":[<last key>...]}}.
 *
 * <p>The query id is a hash of what identifies a query (index, partition, sort-key prefix,
 * direction; not the limit, which may change between pages), so a token is refused by any other
 * query. The last key is the position of the last item returned, in the query's order columns:
 * {@code [sk]} for the table, {@code [index sk, pk, sk]} for an index.
 */
record PageToken(String queryId, List<String> lastKey) {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  PageToken {
    lastKey = List.copyOf(lastKey);
  }

  /** The id tokens of {@code query} carry: the same for every page of one query. */
  static String queryId(Query query) {
    StringBuilder identity = new StringBuilder("metadata-query/1");
    for (String part :
        List.of(
            query.index().map(Enum::name).orElse(""),
            query.partitionKey(),
            query.sortKeyPrefix(),
            query.direction().name())) {
      // length-prefixed so that no two different queries give the same identity
      identity.append('\n').append(part.length()).append(':').append(part);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  String encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("q", queryId);
      g.writeArrayFieldStart("k");
      for (String part : lastKey) {
        g.writeString(part);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /**
   * Decodes {@code token} for {@code query}, whose order has {@code keyParts} columns.
   *
   * @throws IllegalArgumentException when the token is malformed or belongs to another query
   */
  static PageToken decode(String token, Query query, int keyParts) {
    PageToken decoded;
    try {
      decoded = parse(Base64.getUrlDecoder().decode(token));
    } catch (IllegalArgumentException | IOException e) {
      throw new IllegalArgumentException(
          "page token is malformed: it was not issued by a query", e);
    }
    if (!decoded.queryId.equals(queryId(query))) {
      throw new IllegalArgumentException(
          "page token was issued for a different query (index, partition key, sort-key prefix"
              + " and direction must stay the same between pages)");
    }
    if (decoded.lastKey.size() != keyParts
        || !decoded.lastKey.getFirst().startsWith(query.sortKeyPrefix())) {
      throw new IllegalArgumentException(
          "page token is malformed: it holds no position of the query");
    }
    return decoded;
  }

  private static PageToken parse(byte[] json) throws IOException {
    String queryId = null;
    List<String> lastKey = null;
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "q" -> {
            if (value != JsonToken.VALUE_STRING) {
              throw new IOException("q is not a string");
            }
            queryId = p.getText();
          }
          case "k" -> {
            if (value != JsonToken.START_ARRAY) {
              throw new IOException("k is not an array");
            }
            lastKey = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
              lastKey.add(p.getText());
            }
            if (t != JsonToken.END_ARRAY) {
              throw new IOException("k holds something else than strings");
            }
          }
          default -> throw new IOException("unknown field " + field);
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IOException("not a single object");
      }
    }
    if (queryId == null || lastKey == null) {
      throw new IOException("q or k missing");
    }
    return new PageToken(queryId, lastKey);
  }
}
