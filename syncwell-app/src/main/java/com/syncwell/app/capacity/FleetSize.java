package com.syncwell.app.capacity;

/**
 * Nodes per role for the peak, with headroom and spares:
 *
 * <pre>
 * api nodes    = ⌈peak RPS ÷ (api req/s per node × target utilisation)⌉ + spares
 * worker nodes = ⌈peak sync/s ÷ (syncs/s per node × target utilisation)⌉ + spares
 * </pre>
 */
public record FleetSize(int apiNodes, int workerNodes) {
  public static FleetSize of(TrafficModel model, NodeThroughput node, FleetSettings fleet) {
    int api =
        (int)
            Math.ceil(model.peakRps() / (node.apiRequestsPerSecond() * fleet.targetUtilisation()));
    int workers =
        (int)
            Math.ceil(
                model.peakSyncsPerSecond() / (node.syncsPerSecond() * fleet.targetUtilisation()));
    return new FleetSize(api + fleet.spareNodesPerRole(), workers + fleet.spareNodesPerRole());
  }

  public int nodes() {
    return apiNodes + workerNodes;
  }
}
