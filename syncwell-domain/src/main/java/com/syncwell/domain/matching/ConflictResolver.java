package com.syncwell.domain.matching;

import com.syncwell.domain.ConflictStrategy;
import com.syncwell.domain.RecordRef;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns a {@link MatchResult} into what the sync does (ARCHITECTURE.md §8, step 6):
 *
 * <ul>
 *   <li>{@link NoMatch} → {@link WriteSource};
 *   <li>{@link SameRecord} → {@link SkipDuplicate}, whatever the strategy (it is not a conflict);
 *   <li>{@link Conflict} → by the strategy: {@code source_wins} → {@link ReplaceDestination};
 *       {@code dest_wins} → {@link KeepDestination}; {@code newest_wins} → the side changed last
 *       wins, each side's time being its {@code lastModified} or, when the provider gives none, its
 *       start; a tie goes to the source.
 * </ul>
 */
public record ConflictResolver(ConflictStrategy strategy) {

  public ConflictResolver {
    Objects.requireNonNull(strategy, "strategy");
  }

  /** A resolver with the default strategy, {@code source_wins}. */
  public static ConflictResolver withDefaults() {
    return new ConflictResolver(ConflictStrategy.SOURCE_WINS);
  }

  public ConflictDecision decide(RecordRef source, MatchResult match) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(match, "match");
    return switch (match) {
      case NoMatch none -> new WriteSource();
      case SameRecord duplicate -> new SkipDuplicate(duplicate);
      case Conflict conflict ->
          sourceWins(source, conflict.destination())
              ? new ReplaceDestination(conflict, strategy)
              : new KeepDestination(conflict, strategy);
    };
  }

  private boolean sourceWins(RecordRef source, RecordRef destination) {
    return switch (strategy) {
      case SOURCE_WINS -> true;
      case DEST_WINS -> false;
      case NEWEST_WINS -> !changedAt(source).isBefore(changedAt(destination));
    };
  }

  private static Instant changedAt(RecordRef ref) {
    return ref.lastModified().orElseGet(() -> ref.start().toInstant());
  }
}
