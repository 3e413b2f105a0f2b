package kz.forumpulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every attendee and forum event survives the wire and says its type; none carries contacts. */
class LifecycleEventsTest {

  private static final UUID ID = UUID.fromString("7d1c8f1e-0000-4000-8000-000000000002");
  private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
  private static final ForumId FORUM = ForumId.of("zko-2026");
  private static final ParticipantId P = ParticipantId.of("p-1");

  static Stream<AttendeeEvent> attendeeEvents() {
    return Stream.of(
        new ParticipantRegistered(
            ID,
            2,
            AT,
            FORUM,
            P,
            "ab",
            "Name",
            "GUEST",
            "TEREKTI",
            null,
            false,
            false,
            "ru",
            "WAITLISTED",
            List.of("PLENARY")),
        new ParticipantUpdated(
            ID,
            1,
            AT,
            FORUM,
            P,
            "REGISTERED",
            "Name",
            "GUEST",
            "TEREKTI",
            null,
            false,
            false,
            "kk",
            List.of("SEMINAR")),
        new ParticipantWaitlisted(ID, 1, AT, FORUM, P, "WAITLISTED", 12, 3),
        new ParticipantPromoted(ID, 1, AT, FORUM, P, "REGISTERED"),
        new ParticipantApproved(ID, 1, AT, FORUM, P, "REGISTERED"),
        new ParticipantDeclined(ID, 1, AT, FORUM, P, "DECLINED"),
        new ParticipantCancelled(ID, 1, AT, FORUM, P, "CANCELLED", "REGISTERED"),
        new ParticipantCheckedIn(ID, 1, AT, FORUM, P, "REGISTERED", AT),
        new ParticipantCheckInUndone(ID, 1, AT, FORUM, P, "REGISTERED"),
        new ParticipantErased(ID, 1, AT, FORUM, P, "CANCELLED"));
  }

  @ParameterizedTest
  @MethodSource("attendeeEvents")
  void attendeeEventsRoundTrip(AttendeeEvent event) {
    byte[] json = EventCodec.encode(event);

    assertThat(EventCodec.decode(json, AttendeeEvent.class)).isEqualTo(event);
    assertThat(new String(json, StandardCharsets.UTF_8))
        .contains("\"type\":\"" + event.getClass().getSimpleName() + "\"")
        .doesNotContain("phone")
        .doesNotContain("email");
  }

  @ParameterizedTest
  @MethodSource("forumEvents")
  void forumEventsRoundTrip(ForumEvent event) {
    assertThat(EventCodec.decode(EventCodec.encode(event), ForumEvent.class)).isEqualTo(event);
  }

  static Stream<ForumEvent> forumEvents() {
    List<ForumSession> sessions =
        List.of(new ForumSession("PLENARY", "Пленарное", "Пленарлық", 100));
    LocalDate day = LocalDate.parse("2026-12-10");
    return Stream.of(
        new ForumScheduled(
            ID,
            2,
            AT,
            FORUM,
            "Т",
            "Т",
            day,
            day,
            "ZKO",
            List.of("TEREKTI"),
            300,
            AT,
            AT.plusSeconds(60),
            true,
            sessions),
        new ForumUpdated(
            ID,
            1,
            AT,
            FORUM,
            "Т",
            "Т",
            day,
            day,
            "ZKO",
            List.of("TEREKTI"),
            300,
            null,
            null,
            false,
            sessions,
            3));
  }

  @org.junit.jupiter.api.Test
  void aVersionOneRegisteredEventStillReads() {
    String v1 =
        """
        {"type":"ParticipantRegistered","eventId":"%s","version":1,"occurredAt":"2026-12-01T09:00:00Z",
         "forumId":"zko-2026","participantId":"p-1","accessCodeHash":"ab","fullName":"N","role":"GUEST",
         "district":"TEREKTI","elected":false,"partyMember":false,"language":"ru","status":"REGISTERED"}
        """
            .formatted(ID);
    ParticipantRegistered decoded =
        (ParticipantRegistered)
            EventCodec.decode(v1.getBytes(StandardCharsets.UTF_8), AttendeeEvent.class);
    assertThat(decoded.sessions()).isEmpty();
  }
}
