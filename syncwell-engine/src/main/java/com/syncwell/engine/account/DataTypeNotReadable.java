package com.syncwell.engine.account;

import com.syncwell.domain.DataType;
import java.util.Objects;

/** The source's provider does not let SyncWell read this data type. */
public record DataTypeNotReadable(String provider, DataType dataType)
    implements Refusal, PairRefusal {
  public DataTypeNotReadable {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(dataType, "dataType");
  }

  @Override
  public String code() {
    return "data_type_not_readable";
  }
}
