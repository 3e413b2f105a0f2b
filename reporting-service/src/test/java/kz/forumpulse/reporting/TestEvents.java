package kz.forumpulse.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.forumpulse.events.DomainEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.events.QuestionId;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.Topics;
import kz.forumpulse.testsupport.EventProbe;

/** Events as the producing services would publish them. */
public final class TestEvents {

  private TestEvents() {}

  public static QuestionSubmitted question(
      String forumId, String project, String text, String district) {
    return new QuestionSubmitted(
        UUID.randomUUID(),
        1,
        Instant.now(),
        ForumId.of(forumId),
        QuestionId.of(UUID.randomUUID().toString()),
        ParticipantId.of(UUID.randomUUID().toString()),
        project,
        text,
        "ru",
        true,
        null,
        district,
        "RURAL_AKIM");
  }

  public static ParticipantRegistered registered(String forumId, String role, String district) {
    return new ParticipantRegistered(
        UUID.randomUUID(),
        1,
        Instant.now(),
        ForumId.of(forumId),
        ParticipantId.of(UUID.randomUUID().toString()),
        "hash-" + UUID.randomUUID(),
        "Участник",
        role,
        district,
        "Сельский округ",
        true,
        true,
        "ru",
        "REGISTERED");
  }

  public static void publish(String topic, DomainEvent event) {
    EventProbe.send(
        topic,
        Topics.keyOf(event),
        EventCodec.encode(event),
        Map.of(Topics.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8)));
  }
}
