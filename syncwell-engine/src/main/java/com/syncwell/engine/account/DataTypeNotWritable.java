package com.syncwell.engine.account;

import com.syncwell.domain.DataType;
import java.util.Objects;

/**
 * The destination's provider cannot take this data type: SyncWell must be able to write it there,
 * and to read it back to recognise duplicates.
 */
public record DataTypeNotWritable(String provider, DataType dataType)
    implements Refusal, PairRefusal {
  public DataTypeNotWritable {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(dataType, "dataType");
  }

  @Override
  public String code() {
    return "data_type_not_writable";
  }
}
