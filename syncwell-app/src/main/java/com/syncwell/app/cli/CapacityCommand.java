package com.syncwell.app.cli;

import com.syncwell.app.capacity.CapacityReport;
import com.syncwell.app.capacity.InvalidCapacityInput;
import com.syncwell.app.capacity.MeasuredTraffic;
import com.syncwell.app.capacity.NodeThroughput;
import com.syncwell.app.capacity.PriceBook;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code syncwell capacity}: the capacity and cost model. */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    description = {
      "Capacity and cost model: the traffic model of the architecture's targets, the Lambda",
      "design's monthly bill line by line (unit prices and assumptions from a versioned data",
      "file), and a sensitivity table with and without a savings plan.",
      "--measured reconciles it with a traffic profile exported by a running SyncWell",
      "(GET /v1/admin/traffic-profile); --node-throughput sizes a fleet of serve processes",
      "from this project's benchmarks and prices it beside the Lambda design."
    })
final class CapacityCommand implements Callable<Integer> {
  /** Traffic assumptions. */
  enum Scenario {
    conservative,
    nominal,
    aggressive
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      defaultValue = "nominal",
      description =
          "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); conservative has half"
              + " the nominal users, aggressive twice.")
  Scenario scenario;

  @Option(
      names = "--measured",
      paramLabel = "FILE",
      description =
          "A traffic profile (GET /v1/admin/traffic-profile) to reconcile the model with.")
  Path measured;

  @Option(
      names = "--node-throughput",
      paramLabel = "FILE|api=N,sync=N",
      description =
          "Per-node benchmark results (bench api: POST /v1/sync-jobs per second; bench sync:"
              + " syncs per second), e.g. api=1700,sync=500, or a file of such lines.")
  String nodeThroughput;

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description = "Another price file (default: the one in this build, " + "2026-11).")
  Path prices;

  @Override
  public Integer call() {
    try {
      PriceBook book = prices == null ? PriceBook.standard() : PriceBook.read(prices);
      Optional<MeasuredTraffic> traffic = Optional.ofNullable(measured).map(MeasuredTraffic::read);
      Optional<NodeThroughput> node =
          Optional.ofNullable(nodeThroughput).map(NodeThroughput::parse);
      new CapacityReport(book, scenario.name(), traffic, node).print(spec.commandLine().getOut());
      return ExitCodes.OK;
    } catch (InvalidCapacityInput e) {
      spec.commandLine().getErr().println("syncwell capacity: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }
}
