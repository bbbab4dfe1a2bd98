package com.syncwell.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingTest {
  private final PriceBook book = PriceBook.standard();

  @Test
  void tiered_prices_charge_each_tier_at_its_own_rate() {
    UnitPrice transfer = book.price(Meter.DATA_TRANSFER_OUT_GB);

    assertThat(transfer.cost(100)).isZero();
    assertThat(transfer.cost(1_100)).isCloseTo(90, within(1e-9));
    assertThat(transfer.cost(20_240))
        .isCloseTo((10_240 - 100) * 0.09 + 10_000 * 0.085, within(1e-6));
    assertThat(book.price(Meter.API_GATEWAY_HTTP_REQUESTS).cost(1_350_000_000))
        .isCloseTo(300 + 1_050 * 0.9, within(1e-6));
  }

  @Test
  void a_price_file_with_an_unknown_key_is_refused_naming_it(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yaml");
    String standard =
        new String(
            PriceBook.class.getResourceAsStream(PriceBook.DEFAULT_RESOURCE).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(file, standard.replace("  syncsPerUserPerDay: 10", "  syncPerUser: 10"));

    assertThatThrownBy(() -> PriceBook.read(file))
        .isInstanceOf(InvalidCapacityInput.class)
        .hasMessageContaining("syncPerUser");
  }

  @Test
  void a_price_file_without_a_price_is_refused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.yaml");
    String standard =
        new String(
            PriceBook.class.getResourceAsStream(PriceBook.DEFAULT_RESOURCE).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(file, standard.replace("  albLcuHours:", "  notAPrice:"));

    assertThatThrownBy(() -> PriceBook.read(file))
        .isInstanceOf(InvalidCapacityInput.class)
        .hasMessageContaining("notAPrice");
  }

  @Test
  void node_throughput_reads_pairs_or_a_file_of_lines(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bench.txt");
    Files.write(file, List.of("# bench api and bench sync, 2 cores", "api=1734", "sync = 504.0"));

    assertThat(NodeThroughput.parse("api=1700,sync=500")).isEqualTo(new NodeThroughput(1700, 500));
    assertThat(NodeThroughput.parse(file.toString())).isEqualTo(new NodeThroughput(1734, 504));
    assertThatThrownBy(() -> NodeThroughput.parse("api=1700"))
        .isInstanceOf(InvalidCapacityInput.class);
    assertThatThrownBy(() -> NodeThroughput.parse("cpu=2,api=1,sync=1"))
        .hasMessageContaining("cpu=2");
  }

  @Test
  void the_readmes_benchmarks_size_four_api_nodes_and_three_workers_at_nominal_peak() {
    Assumptions nominal = book.scenario("nominal");
    TrafficModel m = TrafficModel.of(nominal, book.daysPerMonth());

    FleetSize fleet = FleetSize.of(m, new NodeThroughput(1700, 500), book.fleet());
    CostTable serve = MonthlyCost.serveFleet(m, nominal, book, fleet);

    assertThat(fleet).isEqualTo(new FleetSize(4, 3));
    assertThat(serve.lines().getFirst().quantity()).isEqualTo(4 * 730);
    assertThat(serve.lines())
        .noneMatch(l -> l.item().startsWith("Lambda") || l.item().startsWith("API Gateway"));
    assertThat(serve.total()).isLessThan(MonthlyCost.lambdaDesign(m, nominal, book).total());
  }
}
