package com.syncwell.api.v1;

import com.syncwell.api.http.Problem;
import com.syncwell.api.http.ProblemException;
import java.util.regex.Pattern;

/** Checks of request fields that the JSON reader cannot express: presence and id shapes. */
final class Input {
  /** What an id in a path or body may look like; anything else is not found. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.~-]{1,128}");

  private Input() {}

  /** {@code value}, or 400 {@code missing_field} naming {@code field}. */
  static <T> T required(T value, String field) {
    if (value == null) {
      throw new ProblemException(
          Problem.badField("missing_field", field, "Field '" + field + "' is required."));
    }
    return value;
  }

  /** Whether {@code id} could name a resource at all (ids are opaque otherwise). */
  static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
