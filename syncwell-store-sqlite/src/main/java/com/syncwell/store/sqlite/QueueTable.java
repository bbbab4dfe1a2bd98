package com.syncwell.store.sqlite;

import com.syncwell.engine.port.queue.DeadLetter;
import com.syncwell.engine.port.queue.MessageId;
import com.syncwell.engine.port.queue.OutgoingMessage;
import com.syncwell.engine.port.queue.QueueDepth;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one named queue over the {@code queue_message} table. Times are epoch milliseconds of
 * the queue's clock. A row is {@code queued} (visible, in flight or delayed, told apart by {@code
 * visible_at} and {@code receive_count}) or {@code dead} (dead-lettered at {@code dead_at}).
 * Callers own the transactions.
 */
final class QueueTable {
  /** Schema component "queue"; append new statements, never edit shipped ones. */
  static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE queue_message ("
              + " seq INTEGER PRIMARY KEY,"
              + " queue TEXT NOT NULL,"
              + " id TEXT NOT NULL UNIQUE,"
              + " state TEXT NOT NULL CHECK (state IN ('queued', 'dead')),"
              + " body TEXT NOT NULL,"
              + " attributes TEXT,"
              + " sent_at INTEGER NOT NULL,"
              + " visible_at INTEGER NOT NULL,"
              + " receive_count INTEGER NOT NULL,"
              + " receipt TEXT,"
              + " dead_at INTEGER"
              + ") STRICT",
          "CREATE INDEX queue_message_ready ON queue_message (queue, state, visible_at, seq)",
          "CREATE INDEX queue_message_dead ON queue_message (queue, dead_at, seq)"
              + " WHERE state = 'dead'");

  private static final String INSERT =
      "INSERT INTO queue_message (queue, id, state, body, attributes, sent_at, visible_at,"
          + " receive_count) VALUES (?, ?, 'queued', ?, ?, ?, ?, 0)";
  private static final String VISIBLE =
      "SELECT seq, id, body, attributes, sent_at, receive_count FROM queue_message"
          + " WHERE queue = ? AND state = 'queued' AND visible_at <= ?"
          + " ORDER BY visible_at, seq LIMIT ?";
  private static final String ANY_VISIBLE =
      "SELECT 1 FROM queue_message"
          + " WHERE queue = ? AND state = 'queued' AND visible_at <= ? LIMIT 1";
  private static final String LEASE =
      "UPDATE queue_message SET receive_count = receive_count + 1, visible_at = ?, receipt = ?"
          + " WHERE seq = ?";
  private static final String DEAD_LETTER =
      "UPDATE queue_message SET state = 'dead', dead_at = ?, receipt = NULL WHERE seq = ?";
  private static final String DELETE =
      "DELETE FROM queue_message"
          + " WHERE id = ? AND queue = ? AND state = 'queued' AND receipt = ?";
  private static final String CHANGE_VISIBILITY =
      "UPDATE queue_message SET visible_at = ?"
          + " WHERE id = ? AND queue = ? AND state = 'queued' AND receipt = ? AND visible_at > ?";
  private static final String DEAD_LETTERS =
      "SELECT id, body, attributes, receive_count, sent_at, dead_at FROM queue_message"
          + " WHERE queue = ? AND state = 'dead' ORDER BY dead_at, seq LIMIT ?";
  private static final String REDRIVE =
      "UPDATE queue_message SET state = 'queued', visible_at = ?, receive_count = 0,"
          + " receipt = NULL, dead_at = NULL WHERE seq IN (SELECT seq FROM queue_message"
          + " WHERE queue = ? AND state = 'dead' ORDER BY dead_at, seq LIMIT ?)";
  private static final String DEPTH =
      "SELECT"
          + " coalesce(sum(state = 'queued' AND visible_at <= ?), 0),"
          + " coalesce(sum(state = 'queued' AND visible_at > ? AND receive_count > 0), 0),"
          + " coalesce(sum(state = 'queued' AND visible_at > ? AND receive_count = 0), 0),"
          + " coalesce(sum(state = 'dead'), 0)"
          + " FROM queue_message WHERE queue = ?";

  /** A queued message found visible, before it is leased or dead-lettered. */
  record Row(long seq, String id, String body, String attributes, long sentAt, int receiveCount) {}

  private final String queue;

  QueueTable(String queue) {
    this.queue = queue;
  }

  void insert(SqlSession c, List<String> ids, List<OutgoingMessage> messages, long now)
      throws SQLException {
    PreparedStatement ps = c.prepare(INSERT);
    for (int i = 0; i < messages.size(); i++) {
      OutgoingMessage m = messages.get(i);
      ps.setString(1, queue);
      ps.setString(2, ids.get(i));
      ps.setString(3, m.body());
      ps.setString(4, MessageAttributesJson.encode(m.attributes()));
      ps.setLong(5, now);
      ps.setLong(6, now + m.delay().toMillis());
      ps.executeUpdate();
    }
  }

  /** Up to {@code limit} visible messages, earliest visible first, then in insertion order. */
  List<Row> visible(SqlSession c, long now, int limit) throws SQLException {
    PreparedStatement ps = c.prepare(VISIBLE);
    ps.setString(1, queue);
    ps.setLong(2, now);
    ps.setInt(3, limit);
    List<Row> rows = new ArrayList<>(limit);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getInt(6)));
      }
    }
    return rows;
  }

  boolean anyVisible(SqlSession c, long now) throws SQLException {
    PreparedStatement ps = c.prepare(ANY_VISIBLE);
    ps.setString(1, queue);
    ps.setLong(2, now);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  void lease(SqlSession c, long seq, long visibleAt, String token) throws SQLException {
    PreparedStatement ps = c.prepare(LEASE);
    ps.setLong(1, visibleAt);
    ps.setString(2, token);
    ps.setLong(3, seq);
    ps.executeUpdate();
  }

  void deadLetter(SqlSession c, long seq, long now) throws SQLException {
    PreparedStatement ps = c.prepare(DEAD_LETTER);
    ps.setLong(1, now);
    ps.setLong(2, seq);
    ps.executeUpdate();
  }

  boolean delete(SqlSession c, Receipt receipt) throws SQLException {
    PreparedStatement ps = c.prepare(DELETE);
    ps.setString(1, receipt.messageId());
    ps.setString(2, queue);
    ps.setString(3, receipt.token());
    return ps.executeUpdate() == 1;
  }

  boolean changeVisibility(SqlSession c, Receipt receipt, long now, long visibleAt)
      throws SQLException {
    PreparedStatement ps = c.prepare(CHANGE_VISIBILITY);
    ps.setLong(1, visibleAt);
    ps.setString(2, receipt.messageId());
    ps.setString(3, queue);
    ps.setString(4, receipt.token());
    ps.setLong(5, now);
    return ps.executeUpdate() == 1;
  }

  List<DeadLetter> deadLetters(SqlSession c, int max) throws SQLException {
    PreparedStatement ps = c.prepare(DEAD_LETTERS);
    ps.setString(1, queue);
    ps.setInt(2, max);
    List<DeadLetter> letters = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        letters.add(
            new DeadLetter(
                new MessageId(rs.getString(1)),
                rs.getString(2),
                MessageAttributesJson.decode(rs.getString(3)),
                rs.getInt(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6))));
      }
    }
    return letters;
  }

  int redrive(SqlSession c, int max, long now) throws SQLException {
    PreparedStatement ps = c.prepare(REDRIVE);
    ps.setLong(1, now);
    ps.setString(2, queue);
    ps.setInt(3, max);
    return ps.executeUpdate();
  }

  QueueDepth depth(SqlSession c, long now) throws SQLException {
    PreparedStatement ps = c.prepare(DEPTH);
    ps.setLong(1, now);
    ps.setLong(2, now);
    ps.setLong(3, now);
    ps.setString(4, queue);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new QueueDepth(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
    }
  }
}
