package com.syncwell.app.capacity;

/**
 * How the serve fleet is sized.
 *
 * @param nodeType the instance type priced by {@link Meter#EC2_NODE_HOURS}
 * @param targetUtilisation the share of a node's benchmark throughput planned at peak
 * @param spareNodesPerRole nodes added to each role beyond what peak needs (N+1: 1)
 */
public record FleetSettings(String nodeType, double targetUtilisation, int spareNodesPerRole) {
  public FleetSettings {
    if (!(targetUtilisation > 0 && targetUtilisation <= 1)) {
      throw new InvalidCapacityInput(
          "fleet.targetUtilisation must be in (0, 1], was " + targetUtilisation);
    }
    if (spareNodesPerRole < 0) {
      throw new InvalidCapacityInput("fleet.spareNodesPerRole must be ≥ 0");
    }
  }
}
