package com.syncwell.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connection of {@link SqliteDatabase} with its prepared statements kept for reuse: SQLite
 * compiles a statement once per connection instead of once per call. A session is used by one
 * thread at a time (the reader pool and the write lock see to that).
 *
 * <p>Statements from {@link #prepare} belong to the session: callers bind, execute and close their
 * {@link java.sql.ResultSet} (which resets the statement, so a reader never keeps a snapshot open),
 * and never close the statement itself.
 */
public final class SqlSession implements AutoCloseable {
  /** Distinct statements kept per connection; the least recently used beyond it is closed. */
  static final int MAX_STATEMENTS = 96;

  private final Connection connection;
  private final Map<String, PreparedStatement> statements =
      new LinkedHashMap<>(MAX_STATEMENTS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= MAX_STATEMENTS) {
            return false;
          }
          closeQuietly(eldest.getValue());
          return true;
        }
      };

  SqlSession(Connection connection) {
    this.connection = connection;
  }

  /** The compiled statement for {@code sql}, its parameters cleared. */
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  /** Runs a statement without parameters or results (transaction control, DDL). */
  public void execute(String sql) throws SQLException {
    prepare(sql).execute();
  }

  /** The connection, for what must not be cached (statements run once, such as migrations). */
  Connection connection() {
    return connection;
  }

  /** Statements currently compiled (tests). */
  int cachedStatements() {
    return statements.size();
  }

  @Override
  public void close() throws SQLException {
    statements.values().forEach(SqlSession::closeQuietly);
    statements.clear();
    connection.close();
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException ignored) {
      // closing: the connection goes on without it
    }
  }
}
