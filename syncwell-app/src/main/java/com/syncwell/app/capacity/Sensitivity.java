package com.syncwell.app.capacity;

import static com.syncwell.app.capacity.Assumption.DAILY_ACTIVE_USERS;
import static com.syncwell.app.capacity.Assumption.HEAVY_SHARE;
import static com.syncwell.app.capacity.Assumption.LOG_BYTES_PER_SYNC;
import static com.syncwell.app.capacity.Assumption.REQUESTS_PER_SESSION;
import static com.syncwell.app.capacity.Assumption.SYNCS_PER_USER_PER_DAY;
import static com.syncwell.app.capacity.Assumption.WORKER_GB_SECONDS_PER_SYNC;

import java.util.ArrayList;
import java.util.List;

/**
 * The Lambda design's monthly cost when one assumption moves (half and double), with and without
 * the savings plan.
 */
public final class Sensitivity {
  private Sensitivity() {}

  /**
   * @param change e.g. {@code syncs per user per day ×2}
   */
  public record Row(String change, double monthly, double withSavingsPlan) {}

  public static List<Row> of(Assumptions base, PriceBook book) {
    List<Row> rows = new ArrayList<>();
    rows.add(row("as assumed", base, book));
    for (Assumption a :
        List.of(
            DAILY_ACTIVE_USERS,
            SYNCS_PER_USER_PER_DAY,
            REQUESTS_PER_SESSION,
            HEAVY_SHARE,
            WORKER_GB_SECONDS_PER_SYNC,
            LOG_BYTES_PER_SYNC)) {
      rows.add(row(a.description() + " ×0.5", base.scaled(a, 0.5), book));
      rows.add(row(a.description() + " ×2", base.scaled(a, 2), book));
    }
    return rows;
  }

  private static Row row(String change, Assumptions a, PriceBook book) {
    CostTable t = MonthlyCost.lambdaDesign(TrafficModel.of(a, book.daysPerMonth()), a, book);
    return new Row(change, t.total(), t.totalWithSavingsPlan());
  }
}
