package com.syncwell.app.capacity;

/**
 * One line of a monthly bill.
 *
 * @param item what is paid for
 * @param quantity monthly quantity in {@code price}'s unit
 * @param price the unit price applied
 * @param monthly on-demand cost per month, USD
 * @param discount the savings plan's discount on this line (0: not covered)
 */
public record CostLine(
    String item, double quantity, UnitPrice price, double monthly, double discount) {
  static CostLine of(String item, double quantity, UnitPrice price) {
    return new CostLine(item, quantity, price, price.cost(quantity), 0);
  }

  CostLine discounted(double d) {
    return new CostLine(item, quantity, price, monthly, d);
  }

  public double withSavingsPlan() {
    return monthly * (1 - discount);
  }
}
