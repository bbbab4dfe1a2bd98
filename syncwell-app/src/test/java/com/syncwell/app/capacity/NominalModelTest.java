package com.syncwell.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nominal scenario reproduces the production-readiness review's numbers (issue #7). */
class NominalModelTest {
  private final PriceBook book = PriceBook.standard();
  private final Assumptions nominal = book.scenario("nominal");
  private final TrafficModel model = TrafficModel.of(nominal, book.daysPerMonth());

  @Test
  void requests_per_day_and_average_and_peak_rps_are_the_reviews() {
    assertThat(model.requestsPerDay()).isEqualTo(45_000_000);
    assertThat(model.averageRps()).isEqualTo(521);
    assertThat(model.peakRps()).isEqualTo(2_605);
  }

  @Test
  void syncs_per_day_and_per_second_are_the_reviews() {
    assertThat(model.syncsPerDay()).isEqualTo(10_000_000);
    assertThat(model.averageSyncsPerSecond()).isEqualTo(116);
    assertThat(model.peakSyncsPerSecond()).isEqualTo(580);
  }

  @Test
  void billed_peak_write_qps_counts_the_replica() {
    assertThat(model.peakWriteQps()).isEqualTo(580);
    assertThat(model.peakReplicaWriteQps()).isEqualTo(580);
    assertThat(model.peakBilledWriteQps()).isEqualTo(1_160);
    assertThat(model.peakReadQps()).isEqualTo(2_605 + 4 * 580);
    assertThat(model.peakCacheOpsPerSecond()).isEqualTo(2 * 2_605 + 2 * 580);
  }

  @Test
  void egress_is_545_gb_a_day_and_about_16_4_tb_a_month() {
    assertThat(model.payloadKbPerSync()).isCloseTo(54.5, within(1e-9));
    assertThat(model.egressGbPerDay()).isCloseTo(545, within(1e-6));
    assertThat(model.egressTbPerMonth()).isCloseTo(16.35, within(1e-6));
    assertThat(Math.round(model.egressTbPerMonth() * 10) / 10.0).isEqualTo(16.4);
  }

  @Test
  void the_lambda_designs_monthly_total_is_the_reviews_12376_dollars() {
    CostTable bill = MonthlyCost.lambdaDesign(model, nominal, book);

    assertThat(bill.total()).isCloseTo(12_376, within(1.0));
    assertThat(book.reviewMonthlyTotal()).isEqualTo(12_376);
    assertThat(bill.lines()).hasSize(21);
    assertThat(bill.lines())
        .allSatisfy(l -> assertThat(l.price().source()).startsWith("https://aws.amazon.com/"));
    assertThat(bill.totalWithSavingsPlan()).isLessThan(bill.total());
  }

  @Test
  void logging_costs_about_two_thousand_dollars_a_month_as_the_review_says() {
    CostTable bill = MonthlyCost.lambdaDesign(model, nominal, book);
    double logs =
        bill.lines().stream()
            .filter(l -> l.item().startsWith("CloudWatch Logs"))
            .mapToDouble(CostLine::monthly)
            .sum();

    assertThat(logs).isBetween(1_800.0, 2_200.0);
  }

  @Test
  void conservative_has_half_the_users_and_aggressive_twice() {
    TrafficModel low = TrafficModel.of(book.scenario("conservative"), book.daysPerMonth());
    TrafficModel high = TrafficModel.of(book.scenario("aggressive"), book.daysPerMonth());

    assertThat(low.requestsPerDay()).isEqualTo(22_500_000);
    assertThat(high.requestsPerDay()).isEqualTo(90_000_000);
    assertThat(high.peakSyncsPerSecond()).isEqualTo(5 * 232);
  }

  @Test
  void measured_replacements_change_only_what_they_name() {
    Assumptions measured =
        nominal.with(
            Map.of(Assumption.SYNCS_PER_USER_PER_DAY, 2.0, Assumption.PEAK_TO_AVERAGE, 3.0));
    TrafficModel m = TrafficModel.of(measured, book.daysPerMonth());

    assertThat(m.requestsPerDay()).isEqualTo(45_000_000);
    assertThat(m.syncsPerDay()).isEqualTo(2_000_000);
    assertThat(m.peakSyncsPerSecond()).isEqualTo(3 * 24);
  }
}
