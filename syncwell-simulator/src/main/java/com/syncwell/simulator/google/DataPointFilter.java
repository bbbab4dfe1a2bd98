package com.syncwell.simulator.google;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AIP-160 subset the Google Health API accepts on {@code dataPoints.list}: clauses {@code
 * <type>.<member> >= "<value>"} and {@code … < "<value>"} joined by {@code AND}; snake_case type
 * names; physical (RFC 3339) or civil ({@code YYYY-MM-DD[THH:mm:ss]}) bounds, never both.
 *
 * @param physical true when the bounds are instants, false for civil (local) times
 * @param member the member filtered on (e.g. {@code interval.civil_start_time})
 */
public record DataPointFilter(
    boolean physical,
    String member,
    Instant fromInstant,
    Instant toInstant,
    LocalDateTime fromCivil,
    LocalDateTime toCivil) {

  /** A filter that did not parse: the reason and the detailed reason for ErrorInfo. */
  public static final class Invalid extends Exception {
    final String detailedReason;

    Invalid(String message, String detailedReason) {
      super(message);
      this.detailedReason = detailedReason;
    }
  }

  private static final Pattern CLAUSE =
      Pattern.compile("\\s*([A-Za-z0-9_\\-]+)\\.([a-z_.]+)\\s*(>=|<)\\s*\"([^\"]*)\"\\s*");

  /** Filter members per path data type; {@code true}: physical, {@code false}: civil. */
  static final Map<String, Map<String, Boolean>> MEMBERS =
      Map.of(
          "exercise",
          Map.of("interval.civil_start_time", false, "interval.start_time", true),
          "steps",
          Map.of("interval.start_time", true, "interval.civil_start_time", false),
          "sleep",
          Map.of("interval.end_time", true, "interval.civil_end_time", false),
          "weight",
          Map.of("sample_time.physical_time", true, "sample_time.civil_time", false),
          "daily-resting-heart-rate",
          Map.of("date", false));

  public static DataPointFilter none() {
    return new DataPointFilter(true, null, null, null, null, null);
  }

  public static DataPointFilter parse(String dataType, String filter) throws Invalid {
    if (filter == null || filter.isBlank()) {
      return none();
    }
    String snake = dataType.replace('-', '_');
    Boolean physical = null;
    String member = null;
    Instant fromI = null;
    Instant toI = null;
    LocalDateTime fromC = null;
    LocalDateTime toC = null;
    for (String clause : List.of(filter.split(" AND "))) {
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw new Invalid("Invalid filter: " + clause.trim(), null);
      }
      String type = m.group(1);
      if (!type.equals(snake)) {
        throw new Invalid(
            "Invalid data type in filter: "
                + type
                + " (data type names in filters are snake_case, e.g. "
                + snake
                + ")",
            null);
      }
      String name = m.group(2);
      Boolean isPhysical = MEMBERS.getOrDefault(dataType, Map.of()).get(name);
      if (isPhysical == null) {
        throw new Invalid(
            "Invalid data type member in filter: " + type + "." + name,
            "INVALID_DATA_POINT_FILTER_DATA_TYPE_MEMBER");
      }
      if (physical != null && physical != isPhysical) {
        throw new Invalid("A filter cannot mix physical and civil time bounds", null);
      }
      physical = isPhysical;
      member = name;
      boolean lower = m.group(3).equals(">=");
      String value = m.group(4);
      try {
        if (isPhysical) {
          Instant at = OffsetDateTime.parse(value).toInstant();
          if (lower) {
            fromI = at;
          } else {
            toI = at;
          }
        } else {
          LocalDateTime at =
              value.length() == 10
                  ? LocalDate.parse(value).atStartOfDay()
                  : LocalDateTime.parse(value);
          if (lower) {
            fromC = at;
          } else {
            toC = at;
          }
        }
      } catch (DateTimeParseException e) {
        throw new Invalid("Invalid time value in filter: " + value, null);
      }
    }
    return new DataPointFilter(physical, member, fromI, toI, fromC, toC);
  }

  public boolean accepts(Instant physicalKey, LocalDateTime civilKey) {
    if (member == null) {
      return true;
    }
    if (physical) {
      return (fromInstant == null || !physicalKey.isBefore(fromInstant))
          && (toInstant == null || physicalKey.isBefore(toInstant));
    }
    return (fromCivil == null || !civilKey.isBefore(fromCivil))
        && (toCivil == null || civilKey.isBefore(toCivil));
  }
}
