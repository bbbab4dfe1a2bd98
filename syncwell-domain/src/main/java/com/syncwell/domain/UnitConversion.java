package com.syncwell.domain;

/**
 * Conversions from the providers' units into the SI units the model keeps (metres, seconds, joules,
 * kilograms) and back. Factors are exact definitions.
 */
public final class UnitConversion {
  /** Joules in one kilocalorie (thermochemical calorie, as nutrition labels and devices use). */
  public static final double JOULES_PER_KILOCALORIE = 4184.0;

  /** Kilograms in one international avoirdupois pound. */
  public static final double KILOGRAMS_PER_POUND = 0.45359237;

  /** Metres in one international mile. */
  public static final double METRES_PER_MILE = 1609.344;

  /** Metres in one international foot. */
  public static final double METRES_PER_FOOT = 0.3048;

  private UnitConversion() {}

  public static double kilocaloriesToJoules(double kcal) {
    return kcal * JOULES_PER_KILOCALORIE;
  }

  public static double joulesToKilocalories(double joules) {
    return joules / JOULES_PER_KILOCALORIE;
  }

  public static double poundsToKilograms(double pounds) {
    return pounds * KILOGRAMS_PER_POUND;
  }

  public static double kilogramsToPounds(double kilograms) {
    return kilograms / KILOGRAMS_PER_POUND;
  }

  public static double milesToMetres(double miles) {
    return miles * METRES_PER_MILE;
  }

  public static double metresToMiles(double metres) {
    return metres / METRES_PER_MILE;
  }

  public static double feetToMetres(double feet) {
    return feet * METRES_PER_FOOT;
  }

  public static double millimetresToMetres(double millimetres) {
    return millimetres / 1000.0;
  }

  public static double metresToMillimetres(double metres) {
    return metres * 1000.0;
  }

  public static double gramsToKilograms(double grams) {
    return grams / 1000.0;
  }

  public static double kilogramsToGrams(double kilograms) {
    return kilograms * 1000.0;
  }
}
