package com.syncwell.app.capacity;

/**
 * A commitment discount, as the price file states it.
 *
 * @param name e.g. {@code Compute Savings Plan, 3 years, all upfront}
 * @param lambdaDuration the discount on Lambda duration (0.17 = 17 %)
 * @param ec2 the discount on EC2 instance hours
 * @param source where the discounts come from
 */
public record SavingsPlan(String name, double lambdaDuration, double ec2, String source) {
  public SavingsPlan {
    for (double d : new double[] {lambdaDuration, ec2}) {
      if (!(d >= 0 && d < 1)) {
        throw new InvalidCapacityInput("a savings plan discount must be in [0, 1), was " + d);
      }
    }
  }
}
