package com.syncwell.app.capacity;

import java.util.List;

/** A monthly bill: its lines and totals (USD). */
public record CostTable(String design, List<CostLine> lines) {
  public CostTable {
    lines = List.copyOf(lines);
  }

  public double total() {
    return lines.stream().mapToDouble(CostLine::monthly).sum();
  }

  public double totalWithSavingsPlan() {
    return lines.stream().mapToDouble(CostLine::withSavingsPlan).sum();
  }
}
