package kz.forumpulse.reporting.store;

import java.time.Instant;
import java.time.LocalDate;

/** The day reports count a moment under: its date in UTC, {@code 2026-12-10}. */
public final class ReportDays {

  private ReportDays() {}

  /**
   * Through the epoch day, not {@code Instant.toString()}: every projected event names its day, and
   * formatting the whole instant was a tenth of the rebuild's cross-tab work.
   */
  public static String of(Instant at) {
    return LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), 86_400L)).toString();
  }
}
