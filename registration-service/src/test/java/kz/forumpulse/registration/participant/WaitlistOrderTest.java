package kz.forumpulse.registration.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line is ordered by waitlist ticket, not by when someone first registered. */
class WaitlistOrderTest {

  @Test
  void firstTicketFirstEvenWhenRegisteredLater() {
    // b registered first but was waitlisted later (approved after a): a's ticket is earlier.
    Registration a = waiting("a", 7L, Instant.parse("2026-12-01T10:00:00Z"));
    Registration b = waiting("b", 9L, Instant.parse("2026-12-01T09:00:00Z"));
    Registration c = waiting("c", 8L, Instant.parse("2026-12-01T11:00:00Z"));
    Registration untagged = waiting("d", null, Instant.parse("2026-12-01T08:00:00Z"));

    assertThat(List.of(b, untagged, c, a).stream().sorted(Waitlist.LINE_ORDER).toList())
        .extracting(Registration::id)
        .containsExactly("a", "c", "b", "d");
  }

  private static Registration waiting(String id, Long ticket, Instant registeredAt) {
    return new Registration(
        id,
        "f",
        "n",
        "GUEST",
        "TEREKTI",
        null,
        null,
        null,
        false,
        false,
        null,
        null,
        "k",
        null,
        "ru",
        "WAITLISTED",
        "h" + id,
        registeredAt,
        "v",
        registeredAt,
        List.of(),
        ticket,
        "WAITLISTED",
        null,
        null,
        null,
        null,
        null,
        List.of());
  }
}
