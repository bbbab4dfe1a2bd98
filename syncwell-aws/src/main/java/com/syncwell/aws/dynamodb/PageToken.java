package com.syncwell.aws.dynamodb;

import com.syncwell.engine.port.table.Query;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The opaque page token of a query: base64url of a format byte, the query id, the position of the
 * last item the page covered, and a check digest over all of that.
 *
 * <p>The query id is a hash of what identifies a query (index, partition, sort-key prefix,
 * direction; not the limit, which may change between pages), so another query refuses the token.
 * The position is {@code [sk]} for the table and {@code [index sk, pk, sk]} for an index; it never
 * names the partition, which comes from the query, so a token cannot lead a query out of its
 * partition. The check digest makes a truncated, corrupted or edited token evident; it is not a
 * secret (the position is validated against the query instead, as the SQLite adapter does).
 */
final class PageToken {
  private static final byte FORMAT = 1;
  private static final int ID_BYTES = 16;
  private static final int CHECK_BYTES = 16;

  private PageToken() {}

  /** The id tokens of {@code query} carry: the same for every page of one query. */
  static byte[] queryId(Query query) {
    StringBuilder identity = new StringBuilder("dynamodb-metadata-query/1");
    for (String part :
        List.of(
            query.index().map(Enum::name).orElse(""),
            query.partitionKey(),
            query.sortKeyPrefix(),
            query.direction().name())) {
      // length-prefixed so that no two different queries give the same identity
      identity.append('\n').append(part.length()).append(':').append(part);
    }
    return Arrays.copyOf(sha256(identity.toString().getBytes(StandardCharsets.UTF_8)), ID_BYTES);
  }

  /** The token of the position {@code position} in {@code query}. */
  static String encode(Query query, List<String> position) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.write(queryId(query));
      out.writeByte(position.size());
      for (String part : position) {
        out.writeUTF(part);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = bytes.toByteArray();
    byte[] token = Arrays.copyOf(body, body.length + CHECK_BYTES);
    System.arraycopy(sha256(body), 0, token, body.length, CHECK_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /**
   * The position {@code token} holds, for {@code query}.
   *
   * @throws IllegalArgumentException when the token is malformed, altered, or belongs to another
   *     query
   */
  static List<String> decode(String token, Query query) {
    Parsed decoded = parse(token);
    if (!MessageDigest.isEqual(decoded.queryId, queryId(query))) {
      throw new IllegalArgumentException(
          "page token was issued for a different query (index, partition key, sort-key prefix"
              + " and direction must stay the same between pages)");
    }
    List<String> position = decoded.position;
    int parts = query.index().isPresent() ? 3 : 1;
    if (position.size() != parts
        || !position.getFirst().startsWith(query.sortKeyPrefix())
        || position.stream().skip(1).anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(
          "page token is malformed: it holds no position of the query");
    }
    return position;
  }

  private static Parsed parse(String token) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw malformed(e);
    }
    if (bytes.length < 2 + ID_BYTES + CHECK_BYTES) {
      throw malformed(null);
    }
    int bodyLength = bytes.length - CHECK_BYTES;
    byte[] check = Arrays.copyOf(sha256(Arrays.copyOf(bytes, bodyLength)), CHECK_BYTES);
    if (!MessageDigest.isEqual(check, Arrays.copyOfRange(bytes, bodyLength, bytes.length))) {
      throw malformed(null);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bodyLength))) {
      if (in.readByte() != FORMAT) {
        throw malformed(null);
      }
      byte[] queryId = in.readNBytes(ID_BYTES);
      int count = in.readUnsignedByte();
      List<String> position = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        position.add(in.readUTF());
      }
      if (in.available() > 0 || position.isEmpty()) {
        throw malformed(null);
      }
      return new Parsed(queryId, List.copyOf(position));
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private static IllegalArgumentException malformed(Exception cause) {
    return new IllegalArgumentException(
        "page token is malformed or altered: it was not issued by a query", cause);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A token's content before it is checked against a query. */
  private record Parsed(byte[] queryId, List<String> position) {}
}
