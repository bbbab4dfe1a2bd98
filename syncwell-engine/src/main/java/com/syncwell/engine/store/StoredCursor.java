package com.syncwell.engine.store;

import com.syncwell.connector.Cursor;
import com.syncwell.domain.DataType;
import java.time.Instant;
import java.util.Objects;

/**
 * The connector cursor of one sync config's source (user, connection, data type, config), stored
 * under {@code USER#{userId}} / {@code CURSOR#{connectionId}#{dataType}#{configId}}; {@code
 * version} is passed to the next {@link CursorStore#advance}.
 */
public record StoredCursor(
    String userId,
    String connectionId,
    DataType dataType,
    String configId,
    Cursor cursor,
    Instant updatedAt,
    long version) {
  public StoredCursor {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
