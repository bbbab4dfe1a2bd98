package com.syncwell.app.capacity;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code syncwell capacity} prints: assumptions, the traffic model with its formulas, the
 * Lambda design's monthly bill line by line against the review's total, the sensitivity table, and
 * on request the reconciliation with a measured profile and the serve fleet beside the Lambda
 * design.
 */
public final class CapacityReport {
  private final PriceBook book;
  private final String scenario;
  private final Assumptions assumed;
  private final Optional<MeasuredTraffic> measured;
  private final Optional<NodeThroughput> node;

  /**
   * @throws InvalidCapacityInput when the scenario is not in the price file
   */
  public CapacityReport(
      PriceBook book,
      String scenario,
      Optional<MeasuredTraffic> measured,
      Optional<NodeThroughput> node) {
    this.book = Objects.requireNonNull(book, "book");
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.assumed = book.scenario(scenario);
    this.measured = Objects.requireNonNull(measured, "measured");
    this.node = Objects.requireNonNull(node, "node");
  }

  /** The assumptions the bill is computed from: the scenario's, or the measured ones. */
  public Assumptions assumptions() {
    return measured.map(m -> assumed.with(m.replacements())).orElse(assumed);
  }

  public TrafficModel model() {
    return TrafficModel.of(assumptions(), book.daysPerMonth());
  }

  public CostTable lambdaDesign() {
    return MonthlyCost.lambdaDesign(model(), assumptions(), book);
  }

  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "SyncWell capacity and cost model: scenario %s, prices %s (%s)%n",
        scenario,
        book.version(),
        book.region());
    printAssumptions(out);
    TrafficModel assumedModel = TrafficModel.of(assumed, book.daysPerMonth());
    out.println();
    out.println("Traffic model (" + scenario + " assumptions)");
    printModel(out, assumedModel);
    CostTable bill = MonthlyCost.lambdaDesign(assumedModel, assumed, book);
    out.println();
    out.println("Monthly cost: Lambda design (" + scenario + " assumptions)");
    printBill(out, bill);
    if (scenario.equals("nominal")) {
      double delta = bill.total() - book.reviewMonthlyTotal();
      out.printf(
          Locale.ROOT,
          "  Review's total %s: model %s (%+.2f %%)%n",
          money0(book.reviewMonthlyTotal()),
          money0(bill.total()),
          100 * delta / book.reviewMonthlyTotal());
    }
    out.println();
    out.println("Sensitivity: Lambda design, one assumption moved at a time");
    out.println("  savings plan: " + book.savingsPlan().name());
    TextTable s = new TextTable("change", "monthly", "with savings plan", "vs as assumed");
    List<Sensitivity.Row> rows = Sensitivity.of(assumed, book);
    double base = rows.getFirst().monthly();
    for (Sensitivity.Row r : rows) {
      s.row(
          r.change(),
          money0(r.monthly()),
          money0(r.withSavingsPlan()),
          String.format(Locale.ROOT, "%+.1f %%", 100 * (r.monthly() - base) / base));
    }
    s.print(out);
    measured.ifPresent(m -> printReconciliation(out, m, assumedModel, bill));
    node.ifPresent(n -> printFleet(out, n));
    out.println();
    out.println("Price sources (" + book.version() + ")");
    for (Meter meter : Meter.values()) {
      UnitPrice p = book.price(meter);
      out.println("  " + meter.key() + ": " + p.describe() + "; " + p.source());
      if (!p.note().isBlank()) {
        out.println("      note: " + p.note());
      }
    }
    out.flush();
  }

  private void printAssumptions(PrintWriter out) {
    out.println();
    out.println("Assumptions (" + scenario + ")");
    TextTable t = new TextTable("assumption", "value");
    for (Assumption a : Assumption.values()) {
      t.row(a.description(), number(assumed.get(a)));
    }
    t.print(out);
  }

  private static void printModel(PrintWriter out, TrafficModel m) {
    TextTable t = new TextTable("quantity", "value", "formula");
    t.row("requests/day", count(m.requestsPerDay()), "DAU × sessions/user/day × requests/session");
    t.row("average RPS", count(m.averageRps()), "⌈requests/day ÷ 86,400⌉");
    t.row("peak RPS", count(m.peakRps()), "peak:average × average RPS");
    t.row("syncs/day", count(m.syncsPerDay()), "DAU × syncs/user/day");
    t.row("average syncs/s", count(m.averageSyncsPerSecond()), "⌈syncs/day ÷ 86,400⌉");
    t.row("peak syncs/s", count(m.peakSyncsPerSecond()), "peak:average × average syncs/s");
    t.row(
        "DB read QPS, average",
        count(m.averageReadQps()),
        "RPS × reads/request + syncs/s × reads/sync");
    t.row("DB read QPS, peak", count(m.peakReadQps()), "(primary region; the replica serves none)");
    t.row("DB write QPS, peak, primary", count(m.peakWriteQps()), "peak syncs/s × writes/sync");
    t.row("DB write QPS, peak, replica", count(m.peakReplicaWriteQps()), "primary × replicas");
    t.row("DB write QPS, peak, billed", count(m.peakBilledWriteQps()), "primary + replica");
    t.row(
        "cache ops/s, average",
        count(m.averageCacheOpsPerSecond()),
        "RPS × ops/request + syncs/s × ops/sync");
    t.row("cache ops/s, peak", count(m.peakCacheOpsPerSecond()), "same at peak");
    t.row(
        "payload/sync, KB",
        decimal(m.payloadKbPerSync(), 1),
        "(1 − heavy share) × typical + heavy share × heavy");
    t.row("egress GB/day", count(m.egressGbPerDay()), "syncs/day × payload/sync");
    t.row(
        "egress TB/month",
        decimal(m.egressTbPerMonth(), 1),
        "GB/day × " + number(m.daysPerMonth()) + " days ÷ 1,000");
    t.row("API answers GB/day", decimal(m.apiResponseGbPerDay(), 1), "requests/day × answer bytes");
    t.print(out);
  }

  private static void printBill(PrintWriter out, CostTable bill) {
    TextTable t = new TextTable("item", "monthly quantity", "unit price", "monthly", "with plan");
    for (CostLine l : bill.lines()) {
      t.row(
          l.item(),
          count(l.quantity()),
          l.price().describe(),
          money(l.monthly()),
          money(l.withSavingsPlan()));
    }
    t.row("total", "", "", money(bill.total()), money(bill.totalWithSavingsPlan()));
    t.print(out);
  }

  private void printReconciliation(
      PrintWriter out, MeasuredTraffic m, TrafficModel assumedModel, CostTable assumedBill) {
    Assumptions mine = assumed.with(m.replacements());
    TrafficModel measuredModel = TrafficModel.of(mine, book.daysPerMonth());
    CostTable measuredBill = MonthlyCost.lambdaDesign(measuredModel, mine, book);
    out.println();
    out.printf(
        Locale.ROOT,
        "Reconciled with the measured profile: %s (%s), %,d users, %,d requests over %d min;"
            + " DAU kept at %s%n",
        m.day(),
        m.complete() ? "complete day" : "day so far",
        m.users(),
        m.requests(),
        m.observedMinutes(),
        count(assumed.get(Assumption.DAILY_ACTIVE_USERS)));
    TextTable t = new TextTable("quantity", "assumed", "measured", "measured ÷ assumed");
    row(t, "sessions/user/day", assumed, mine, Assumption.SESSIONS_PER_USER_PER_DAY);
    row(t, "requests/session", assumed, mine, Assumption.REQUESTS_PER_SESSION);
    row(t, "syncs/user/day (API: manual only)", assumed, mine, Assumption.SYNCS_PER_USER_PER_DAY);
    t.row(
        "peak:average (per minute)",
        decimal(assumed.get(Assumption.PEAK_TO_AVERAGE), 2),
        m.peakMeasured()
            ? decimal(m.peakToAverage(), 2)
            : "kept ("
                + m.observedMinutes()
                + " min < "
                + MeasuredTraffic.MIN_MINUTES_FOR_PEAK
                + ")",
        m.peakMeasured() ? ratio(m.peakToAverage(), assumed.get(Assumption.PEAK_TO_AVERAGE)) : "");
    row(t, "API answer bytes", assumed, mine, Assumption.API_RESPONSE_BYTES);
    t.row(
        "heavy share (API bodies > 100 KiB)",
        "(sync payloads: " + percent(assumed.get(Assumption.HEAVY_SHARE)) + ")",
        percent(m.heavyShare()),
        "not comparable");
    t.row("API write/read ratio", "(not modelled)", decimal(m.writeReadRatio(), 2), "");
    derived(t, "requests/day", assumedModel.requestsPerDay(), measuredModel.requestsPerDay());
    derived(t, "peak RPS", assumedModel.peakRps(), measuredModel.peakRps());
    derived(t, "syncs/day", assumedModel.syncsPerDay(), measuredModel.syncsPerDay());
    derived(
        t, "peak syncs/s", assumedModel.peakSyncsPerSecond(), measuredModel.peakSyncsPerSecond());
    derived(
        t,
        "DB write QPS, peak, billed",
        assumedModel.peakBilledWriteQps(),
        measuredModel.peakBilledWriteQps());
    derived(t, "egress GB/day", assumedModel.egressGbPerDay(), measuredModel.egressGbPerDay());
    derived(
        t,
        "API answers GB/day",
        assumedModel.apiResponseGbPerDay(),
        measuredModel.apiResponseGbPerDay());
    t.row(
        "monthly cost, Lambda design",
        money0(assumedBill.total()),
        money0(measuredBill.total()),
        ratio(measuredBill.total(), assumedBill.total()));
    t.print(out);
    out.println(
        "  Syncs seen by the API are manual ones (POST /v1/sync-jobs); scheduled and webhook syncs"
            + " never pass it, so the measured syncs/user/day is a lower bound. Sync payload sizes"
            + " are not measured by the API and stay assumed.");
    if (m.users() < 100) {
      out.println("  Only " + m.users() + " users: a demonstration, not a sample to budget from.");
    }
  }

  private void printFleet(PrintWriter out, NodeThroughput n) {
    Assumptions a = assumptions();
    TrafficModel m = model();
    FleetSize fleet = FleetSize.of(m, n, book.fleet());
    CostTable lambda = MonthlyCost.lambdaDesign(m, a, book);
    CostTable serve = MonthlyCost.serveFleet(m, a, book, fleet);
    out.println();
    out.printf(
        Locale.ROOT,
        "Serve fleet sized from node throughput: api %s req/s, sync %s syncs/s per node;"
            + " %.0f %% target utilisation, +%d spare per role%n",
        number(n.apiRequestsPerSecond()),
        number(n.syncsPerSecond()),
        100 * book.fleet().targetUtilisation(),
        book.fleet().spareNodesPerRole());
    out.printf(
        Locale.ROOT,
        "  api nodes    = ⌈%s peak RPS ÷ (%s × %.2f)⌉ + %d = %d%n",
        count(m.peakRps()),
        number(n.apiRequestsPerSecond()),
        book.fleet().targetUtilisation(),
        book.fleet().spareNodesPerRole(),
        fleet.apiNodes());
    out.printf(
        Locale.ROOT,
        "  worker nodes = ⌈%s peak syncs/s ÷ (%s × %.2f)⌉ + %d = %d (%s)%n",
        count(m.peakSyncsPerSecond()),
        number(n.syncsPerSecond()),
        book.fleet().targetUtilisation(),
        book.fleet().spareNodesPerRole(),
        fleet.workerNodes(),
        book.fleet().nodeType());
    printBill(out, serve);
    TextTable t = new TextTable("design", "monthly", "with savings plan");
    t.row(lambda.design(), money(lambda.total()), money(lambda.totalWithSavingsPlan()));
    t.row(
        serve.design() + " (" + fleet.nodes() + " × " + book.fleet().nodeType() + ")",
        money(serve.total()),
        money(serve.totalWithSavingsPlan()));
    out.println();
    out.println("Side by side");
    t.print(out);
    out.println(
        "  The benchmarks ran with the simulator in the same process on a shared 2-core machine;"
            + " a node's real throughput differs: measure on the target instance type.");
  }

  private static void derived(TextTable t, String label, double assumed, double measured) {
    t.row(label, count(assumed), count(measured), ratio(measured, assumed));
  }

  private static void row(TextTable t, String label, Assumptions a, Assumptions b, Assumption k) {
    t.row(label, decimal(a.get(k), 2), decimal(b.get(k), 2), ratio(b.get(k), a.get(k)));
  }

  private static String ratio(double measured, double assumed) {
    return assumed == 0 ? "" : String.format(Locale.ROOT, "×%.2f", measured / assumed);
  }

  static String count(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%,.4f", v).replaceAll("0+$", "");
  }

  static String decimal(double v, int places) {
    return String.format(Locale.ROOT, "%,." + places + "f", v);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  static String money(double v) {
    return String.format(Locale.ROOT, "$%,.2f", v);
  }

  static String money0(double v) {
    return String.format(Locale.ROOT, "$%,.0f", v);
  }
}
