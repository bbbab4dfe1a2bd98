package com.syncwell.store.sqlite;

import java.sql.SQLException;

/**
 * Work done with a connection inside {@link SqliteDatabase#read} or {@link SqliteDatabase#write}.
 */
@FunctionalInterface
public interface SqlWork<T> {
  T apply(SqlSession session) throws SQLException;
}
