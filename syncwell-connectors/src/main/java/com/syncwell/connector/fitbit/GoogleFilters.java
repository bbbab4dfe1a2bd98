package com.syncwell.connector.fitbit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The AIP-160 subset the API accepts: one member, {@code >=} and {@code <}, joined by {@code AND};
 * snake_case type names; RFC 3339 for physical members, {@code YYYY-MM-DDTHH:mm:ss} for civil ones,
 * {@code YYYY-MM-DD} for daily dates.
 */
final class GoogleFilters {
  private static final DateTimeFormatter CIVIL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private GoogleFilters() {}

  static String range(String member, String from, String to) {
    return member + " >= \"" + from + "\" AND " + member + " < \"" + to + "\"";
  }

  static String physical(String member, Instant from, Instant to) {
    return range(member, from.toString(), to.toString());
  }

  /** Civil bounds of UTC wall time; callers widen them by the largest UTC offset. */
  static String civil(String member, Instant from, Instant to) {
    return range(
        member,
        CIVIL.format(LocalDateTime.ofInstant(from, ZoneOffset.UTC)),
        CIVIL.format(LocalDateTime.ofInstant(to, ZoneOffset.UTC)));
  }

  static String dates(String member, LocalDate from, LocalDate to) {
    return range(member, from.toString(), to.toString());
  }

  /** The first day whose UTC start is at or after {@code t}. */
  static LocalDate firstDayFrom(Instant t) {
    LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().equals(t) ? d : d.plusDays(1);
  }
}
