package com.syncwell.domain.matching;

import static com.syncwell.domain.matching.Refs.daily;
import static com.syncwell.domain.matching.Refs.modified;
import static com.syncwell.domain.matching.Refs.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.DataType;
import com.syncwell.domain.RecordRef;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConflictResolverTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private final RecordRef source = run("s", "2025-06-01T07:00:00+02:00", HOUR);
  private final RecordRef other = run("d", "2025-06-01T07:20:00+02:00", HOUR);
  private final Overlap overlap = new Overlap(other, Duration.ofMinutes(40));

  private static ConflictResolver resolver(ConflictStrategy strategy) {
    return new ConflictResolver(strategy);
  }

  @ParameterizedTest
  @EnumSource(ConflictStrategy.class)
  void nothing_at_the_destination_writes_the_source(ConflictStrategy strategy) {
    assertThat(resolver(strategy).decide(source, new NoMatch())).isEqualTo(new WriteSource());
  }

  @ParameterizedTest
  @EnumSource(ConflictStrategy.class)
  void a_duplicate_is_skipped_whatever_the_strategy(ConflictStrategy strategy) {
    SameRecord duplicate = new SameRecord(other, new EqualStarts(Duration.ZERO));

    assertThat(resolver(strategy).decide(source, duplicate))
        .isEqualTo(new SkipDuplicate(duplicate));
  }

  @Test
  void source_wins_is_the_default_and_replaces_the_destination() {
    assertThat(ConflictResolver.withDefaults().strategy()).isEqualTo(ConflictStrategy.SOURCE_WINS);
    assertThat(ConflictResolver.withDefaults().decide(source, overlap))
        .isEqualTo(new ReplaceDestination(overlap, ConflictStrategy.SOURCE_WINS));
  }

  @Test
  void dest_wins_keeps_the_destination() {
    assertThat(resolver(ConflictStrategy.DEST_WINS).decide(source, overlap))
        .isEqualTo(new KeepDestination(overlap, ConflictStrategy.DEST_WINS));
  }

  @Test
  void newest_wins_replaces_the_destination_when_the_source_changed_later() {
    RecordRef newer = modified(source, "2025-06-02T10:00:00Z");
    Overlap older = new Overlap(modified(other, "2025-06-02T09:59:59Z"), HOUR);

    assertThat(resolver(ConflictStrategy.NEWEST_WINS).decide(newer, older))
        .isEqualTo(new ReplaceDestination(older, ConflictStrategy.NEWEST_WINS));
  }

  @Test
  void newest_wins_keeps_the_destination_when_it_changed_later() {
    RecordRef older = modified(source, "2025-06-02T10:00:00Z");
    Overlap newer = new Overlap(modified(other, "2025-06-02T10:00:01Z"), HOUR);

    assertThat(resolver(ConflictStrategy.NEWEST_WINS).decide(older, newer))
        .isEqualTo(new KeepDestination(newer, ConflictStrategy.NEWEST_WINS));
  }

  @Test
  void newest_wins_gives_a_tie_to_the_source() {
    RecordRef tied = modified(source, "2025-06-02T10:00:00Z");
    Overlap same = new Overlap(modified(other, "2025-06-02T10:00:00Z"), HOUR);

    assertThat(resolver(ConflictStrategy.NEWEST_WINS).decide(tied, same))
        .isEqualTo(new ReplaceDestination(same, ConflictStrategy.NEWEST_WINS));
  }

  @Test
  void newest_wins_falls_back_to_the_start_where_a_provider_gives_no_modification_time() {
    // Neither side has one: the later start (the destination, 07:20) wins.
    assertThat(resolver(ConflictStrategy.NEWEST_WINS).decide(source, overlap))
        .isEqualTo(new KeepDestination(overlap, ConflictStrategy.NEWEST_WINS));
    // Only the source has one, after the destination's start: the source wins.
    assertThat(
            resolver(ConflictStrategy.NEWEST_WINS)
                .decide(modified(source, "2025-06-01T06:00:00Z"), overlap))
        .isEqualTo(new ReplaceDestination(overlap, ConflictStrategy.NEWEST_WINS));
  }

  @Test
  void newest_wins_gives_equal_starts_without_modification_times_to_the_source() {
    RecordRef sameStart = run("d", "2025-06-01T05:00:00Z", HOUR);
    Overlap conflict = new Overlap(sameStart, HOUR);

    assertThat(resolver(ConflictStrategy.NEWEST_WINS).decide(source, conflict))
        .isEqualTo(new ReplaceDestination(conflict, ConflictStrategy.NEWEST_WINS));
  }

  @Test
  void a_daily_aggregate_of_the_same_date_is_settled_by_the_strategy() {
    LocalDate day = LocalDate.parse("2025-06-01");
    RecordRef steps = daily("s", DataType.STEPS, day, ZoneOffset.ofHours(2));
    SameDay sameDay = new SameDay(daily("d", DataType.STEPS, day, ZoneOffset.UTC), day);

    assertThat(ConflictResolver.withDefaults().decide(steps, sameDay))
        .isEqualTo(new ReplaceDestination(sameDay, ConflictStrategy.SOURCE_WINS));
    assertThat(resolver(ConflictStrategy.DEST_WINS).decide(steps, sameDay))
        .isEqualTo(new KeepDestination(sameDay, ConflictStrategy.DEST_WINS));
  }

  @Test
  void matcher_and_resolver_together_skip_a_naive_duplicate_and_replace_an_overlap() {
    RecordMatcher matcher = RecordMatcher.withDefaults();
    RecordRef zoned = run("s", "2025-01-15T07:00:00+05:30", HOUR);
    RecordRef naive = run("d", "2025-01-15T07:00:00Z", HOUR);
    RecordRef overlapping = run("e", "2025-01-15T01:50:00Z", HOUR);

    assertThat(ConflictResolver.withDefaults().decide(zoned, matcher.match(zoned, naive)))
        .isInstanceOf(SkipDuplicate.class);
    assertThat(ConflictResolver.withDefaults().decide(zoned, matcher.match(zoned, overlapping)))
        .isInstanceOf(ReplaceDestination.class);
  }
}
