package kz.forumpulse.reporting.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The day reports count a moment under: its date where the forums take place ({@code
 * forum.reports.zone}, {@code FORUM_TIME_ZONE}; Asia/Almaty by default, UTC+5 like all of
 * Kazakhstan since March 2024). A question asked at 02:00 in Almaty counts on that day, not on the
 * UTC day before. Stored cells keep the day they were counted under: after changing the zone,
 * rebuild the reports (POST /api/reports/rebuild).
 */
@Component
public class ReportDays {

  private static final long SECONDS_PER_DAY = 86_400L;

  private final ZoneRules rules;

  public ReportDays(@Value("${forum.reports.zone:Asia/Almaty}") ZoneId zone) {
    this.rules = zone.getRules();
  }

  /**
   * {@code 2026-12-10}: through the epoch day rather than by formatting the whole moment and
   * cutting it, as every projected event names its day (the formatting was 7 % of the rebuild's
   * applying thread).
   */
  public String of(Instant at) {
    long local = at.getEpochSecond() + rules.getOffset(at).getTotalSeconds();
    return LocalDate.ofEpochDay(Math.floorDiv(local, SECONDS_PER_DAY)).toString();
  }
}
