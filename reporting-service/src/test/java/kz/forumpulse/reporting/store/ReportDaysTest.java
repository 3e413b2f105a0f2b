package kz.forumpulse.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportDaysTest {

  final ReportDays almaty = new ReportDays(ZoneId.of("Asia/Almaty"));

  @Test
  void isTheDateInAlmaty() {
    // UTC+5: a question asked at 03:00 local time on the 11th counts on the 11th.
    assertThat(almaty.of(Instant.parse("2026-12-10T22:00:00Z"))).isEqualTo("2026-12-11");
    assertThat(almaty.of(Instant.parse("2026-12-10T18:59:59Z"))).isEqualTo("2026-12-10");
    assertThat(almaty.of(Instant.parse("2026-12-10T19:00:00Z"))).isEqualTo("2026-12-11");
    // Before March 2024 Almaty was UTC+6: a moment counts under the offset of its own time.
    assertThat(almaty.of(Instant.parse("2023-12-10T18:30:00Z"))).isEqualTo("2023-12-11");
    // The fixed offset for a runtime whose zone data predates that change (ADR 0013).
    ReportDays fixed = new ReportDays(ZoneId.of("+05:00"));
    assertThat(fixed.of(Instant.parse("2026-12-10T18:59:59Z"))).isEqualTo("2026-12-10");
    assertThat(fixed.of(Instant.parse("2026-12-10T19:00:00Z"))).isEqualTo("2026-12-11");
  }

  @Test
  void isTheDateInAnyConfiguredZone() {
    ReportDays utc = new ReportDays(ZoneId.of("UTC"));
    assertThat(utc.of(Instant.parse("2026-12-10T23:59:59.999Z"))).isEqualTo("2026-12-10");
    assertThat(utc.of(Instant.parse("1969-12-31T23:59:59Z"))).isEqualTo("1969-12-31");
    // The same as the library's conversion, every hour of a leap year, in a zone with summer time.
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ReportDays days = new ReportDays(berlin);
    Instant at = Instant.parse("2028-01-01T00:30:00Z");
    for (int i = 0; i < 366 * 24; i++, at = at.plusSeconds(3_600)) {
      assertThat(days.of(at)).isEqualTo(LocalDate.ofInstant(at, berlin).toString());
      assertThat(almaty.of(at))
          .isEqualTo(LocalDate.ofInstant(at, ZoneId.of("Asia/Almaty")).toString());
    }
  }
}
