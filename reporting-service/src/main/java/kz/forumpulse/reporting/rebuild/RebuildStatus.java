package kz.forumpulse.reporting.rebuild;

import java.time.Instant;

/** Where a rebuild stands. */
public record RebuildStatus(
    String state,
    String generation,
    long eventsApplied,
    long eventsSkipped,
    Instant startedAt,
    Instant finishedAt,
    String error) {

  static RebuildStatus idle(String generation) {
    return new RebuildStatus("IDLE", generation, 0, 0, null, null, null);
  }
}
