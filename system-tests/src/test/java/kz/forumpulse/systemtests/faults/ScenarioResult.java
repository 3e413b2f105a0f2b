package kz.forumpulse.systemtests.faults;

import java.time.Duration;

/**
 * What one fault scenario measured. {@code writes}: writes answered 201; {@code published}:
 * distinct event ids of the scenario's forum on the topics ({@code records}: all records,
 * duplicates included); {@code applied}: what the reports count; {@code lost}: accepted writes
 * missing from the reports; {@code doubleCounted}: counted more than once.
 */
record ScenarioResult(
    String scenario,
    long writes,
    long published,
    long records,
    long applied,
    long lost,
    long doubleCounted,
    Duration recovery,
    String notes) {

  String recoveryText() {
    if (recovery == null) {
      return "-";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", recovery.toMillis() / 1000.0);
  }
}
