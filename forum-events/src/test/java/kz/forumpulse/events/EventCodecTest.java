package kz.forumpulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  private final ParticipantRegistered registered =
      new ParticipantRegistered(
          UUID.fromString("7d1c8f1e-0000-4000-8000-000000000001"),
          ParticipantRegistered.VERSION,
          Instant.parse("2026-12-01T09:00:00Z"),
          ForumId.of("zko-2026"),
          ParticipantId.of("p-1"),
          "ab12",
          "Айгуль Сапарова",
          "RURAL_AKIM",
          "TEREKTI",
          "Акжолский сельский округ",
          true,
          true,
          "kk",
          "REGISTERED");

  @Test
  void roundTripsThroughTheSealedTopicType() {
    byte[] json = EventCodec.encode(registered);

    AttendeeEvent decoded = EventCodec.decode(json, AttendeeEvent.class);

    assertThat(decoded).isEqualTo(registered);
    assertThat(new String(json, StandardCharsets.UTF_8))
        .contains("\"type\":\"ParticipantRegistered\"")
        .contains("\"forumId\":\"zko-2026\"");
  }

  @Test
  void readsNewerVersionsWithUnknownFields() {
    String json =
        EventCodec.encodeToString(registered)
            .replace("\"version\":1", "\"version\":2,\"badge\":\"VIP\"");

    AttendeeEvent decoded =
        EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), AttendeeEvent.class);

    assertThat(decoded.version()).isEqualTo(2);
    assertThat(decoded.participantId()).isEqualTo(ParticipantId.of("p-1"));
  }

  @Test
  void rejectsUnknownTypesAndGarbageWithAReason() {
    assertThatThrownBy(() -> EventCodec.decode("not json".getBytes(), AttendeeEvent.class))
        .isInstanceOf(UndecodableEventException.class);
    assertThatThrownBy(
            () ->
                EventCodec.decode(
                    "{\"type\":\"ParticipantTeleported\"}".getBytes(), AttendeeEvent.class))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("AttendeeEvent");
    assertThatThrownBy(
            () ->
                EventCodec.decode(
                    "{\"type\":\"ParticipantRegistered\",\"version\":1,\"elected\":true,\"partyMember\":false}"
                        .getBytes(),
                    AttendeeEvent.class))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void keysEveryEventByItsForum() {
    assertThat(Topics.keyOf(registered)).isEqualTo("zko-2026");
    assertThat(registered.type()).isEqualTo("ParticipantRegistered");
  }
}
