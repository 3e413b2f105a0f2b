package kz.forumpulse.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportDaysTest {

  @Test
  void isTheUtcDateOfTheMoment() {
    assertThat(ReportDays.of(Instant.parse("2026-12-10T00:00:00Z"))).isEqualTo("2026-12-10");
    assertThat(ReportDays.of(Instant.parse("2026-12-10T23:59:59.999Z"))).isEqualTo("2026-12-10");
    // Almaty is UTC+5: a question asked at 03:00 local time on the 11th counts on the 10th.
    assertThat(ReportDays.of(Instant.parse("2026-12-10T22:00:00Z"))).isEqualTo("2026-12-10");
    assertThat(ReportDays.of(Instant.parse("1969-12-31T23:59:59Z"))).isEqualTo("1969-12-31");
    // The same as the instant's own text, on every day of a leap year.
    Instant day = Instant.parse("2028-01-01T12:34:56Z");
    for (int i = 0; i < 366; i++, day = day.plusSeconds(86_400)) {
      assertThat(ReportDays.of(day)).isEqualTo(day.toString().substring(0, 10));
    }
  }
}
