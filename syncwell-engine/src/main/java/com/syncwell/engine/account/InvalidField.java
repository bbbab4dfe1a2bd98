package com.syncwell.engine.account;

import java.util.Objects;

/**
 * A field of the request is malformed or out of range.
 *
 * @param field the field's name in the API's JSON ({@code redirectUri}, {@code dataType})
 * @param reason what is wrong with it, for a person; never echoes a secret
 */
public record InvalidField(String field, String reason)
    implements Refusal,
        UpdateSettingsOutcome,
        StartAuthorizationOutcome,
        CompleteAuthorizationOutcome,
        CreateSyncConfigOutcome,
        UpdateSyncConfigOutcome,
        RequestSyncOutcome,
        ListSyncJobsOutcome {
  public InvalidField {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String code() {
    return "invalid_field";
  }
}
