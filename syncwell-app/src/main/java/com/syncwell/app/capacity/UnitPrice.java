package com.syncwell.app.capacity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A list price, in tiers of monthly quantity.
 *
 * @param unit what is counted, e.g. {@code request}
 * @param per how many units the tier prices are for, e.g. 1,000,000
 * @param tiers in order; each covers quantities up to its {@code upTo} (the last: unbounded)
 * @param source where the price comes from
 * @param note what the price file says about it (may be empty)
 */
public record UnitPrice(String unit, double per, List<Tier> tiers, String source, String note) {
  public UnitPrice {
    Objects.requireNonNull(unit, "unit");
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty() || !(per > 0)) {
      throw new InvalidCapacityInput("a price needs tiers and a positive 'per'");
    }
    for (int i = 0; i < tiers.size() - 1; i++) {
      if (tiers.get(i).upTo() == null) {
        throw new InvalidCapacityInput("only the last tier may be unbounded");
      }
    }
    if (tiers.getLast().upTo() != null) {
      throw new InvalidCapacityInput("the last tier must be unbounded");
    }
  }

  /**
   * A tier: quantities above the previous tier's bound and up to {@code upTo} cost {@code price}
   * per {@code per} units.
   *
   * @param upTo null for the last tier
   */
  public record Tier(Double upTo, double price) {}

  /** The monthly cost of {@code quantity} units. */
  public double cost(double quantity) {
    double total = 0;
    double below = 0;
    for (Tier t : tiers) {
      double top = t.upTo() == null ? Double.POSITIVE_INFINITY : t.upTo();
      double inTier = Math.max(0, Math.min(quantity, top) - below);
      total += inTier / per * t.price();
      below = top;
      if (quantity <= top) {
        break;
      }
    }
    return total;
  }

  /** The first paid tier's price, e.g. {@code $0.90 per 1M requests (tiered)}. */
  public String describe() {
    Tier shown = tiers.stream().filter(t -> t.price() > 0).findFirst().orElse(tiers.getFirst());
    String amount = "$" + money(shown.price());
    String perText = per == 1 ? "" : " " + count(per);
    return amount + " per" + perText + " " + unit + (tiers.size() > 1 ? " (tiered)" : "");
  }

  private static String money(double price) {
    BigDecimal d = BigDecimal.valueOf(price).stripTrailingZeros();
    return (d.scale() < 2 ? d.setScale(2) : d).toPlainString();
  }

  private static String count(double n) {
    if (n >= 1_000_000 && n % 1_000_000 == 0) {
      return (long) (n / 1_000_000) + "M";
    }
    if (n >= 1_000 && n % 1_000 == 0) {
      return (long) (n / 1_000) + "K";
    }
    return String.format(Locale.ROOT, "%,.0f", n);
  }
}
