package kz.forumpulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuestionEventCodecTest {

  private static final Instant AT = Instant.parse("2026-12-10T09:00:00Z");
  private static final ForumId FORUM = ForumId.of("zko-2026");
  private static final QuestionId QUESTION = QuestionId.of("q-1");

  @Test
  void everyQuestionEventRoundTripsThroughTheSealedTopicType() {
    List<QuestionEvent> events =
        List.of(
            new QuestionSubmitted(
                id(),
                2,
                AT,
                FORUM,
                QUESTION,
                ParticipantId.of("p-1"),
                "OTHER",
                "Интернет?",
                "ru",
                true,
                null,
                "TEREKTI",
                "RURAL_AKIM",
                QuestionSubmitted.PENDING_MODERATION,
                "s-1"),
            new QuestionEdited(
                id(), 1, AT, FORUM, QUESTION, "Интернет?", "Интернт?", "ru", "moderator", "typo"),
            new QuestionApproved(id(), 1, AT, FORUM, QUESTION, "moderator"),
            new QuestionRejected(id(), 1, AT, FORUM, QUESTION, "moderator", "off topic"),
            new QuestionAnswered(id(), 1, AT, FORUM, QUESTION, "В 2027 году.", "organiser"),
            new QuestionWithdrawn(id(), 1, AT, FORUM, QUESTION, "moderator", "duplicate"),
            new QuestionSupported(
                id(), 1, AT, FORUM, QUESTION, ParticipantId.of("p-2"), "BURLIN", "GUEST", 1),
            new QuestionSupportWithdrawn(
                id(), 1, AT, FORUM, QUESTION, ParticipantId.of("p-2"), "BURLIN", "GUEST", 0));

    for (QuestionEvent event : events) {
      byte[] json = EventCodec.encode(event);
      assertThat(EventCodec.decode(json, QuestionEvent.class)).isEqualTo(event);
      assertThat(new String(json, StandardCharsets.UTF_8))
          .contains("\"type\":\"" + event.getClass().getSimpleName() + "\"");
      assertThat(Topics.keyOf(event)).isEqualTo("zko-2026");
    }
  }

  @Test
  void aVersionOneSubmissionWithoutStatusReadsAsPublished() {
    String v1 =
        "{\"type\":\"QuestionSubmitted\",\"eventId\":\""
            + id()
            + "\",\"version\":1,"
            + "\"occurredAt\":\"2026-12-10T09:00:00Z\",\"forumId\":\"zko-2026\",\"questionId\":\"q-1\","
            + "\"participantId\":\"p-1\",\"project\":\"OTHER\",\"text\":\"Вопрос\",\"language\":\"ru\","
            + "\"anonymous\":false,\"authorName\":\"А\",\"district\":\"TEREKTI\",\"role\":\"GUEST\"}";

    QuestionSubmitted decoded =
        (QuestionSubmitted)
            EventCodec.decode(v1.getBytes(StandardCharsets.UTF_8), QuestionEvent.class);

    assertThat(decoded.status()).isNull();
    assertThat(decoded.published()).isTrue();
    assertThat(decoded.sessionId()).isNull();
  }

  @Test
  void theVersionOneConstructorStillCompilesAndMeansPublished() {
    QuestionSubmitted legacy =
        new QuestionSubmitted(
            id(),
            1,
            AT,
            FORUM,
            QUESTION,
            ParticipantId.of("p"),
            "OTHER",
            "?",
            "ru",
            false,
            "А",
            "TEREKTI",
            "GUEST");
    assertThat(legacy.status()).isEqualTo(QuestionSubmitted.PUBLISHED);
  }

  @Test
  void catalogueChangesCarryTheWholeCatalogue() {
    ProjectCatalogueChanged changed =
        new ProjectCatalogueChanged(
            id(),
            1,
            AT,
            FORUM,
            3,
            "RETIRED",
            "OTHER",
            "organiser",
            List.of(
                new ProjectCatalogueChanged.CatalogueProject("OTHER", "Другие", "Басқа", false)));

    CatalogueEvent decoded = EventCodec.decode(EventCodec.encode(changed), CatalogueEvent.class);

    assertThat(decoded).isEqualTo(changed);
    assertThat(Topics.keyOf(decoded)).isEqualTo("zko-2026");
  }

  private static UUID id() {
    return UUID.randomUUID();
  }
}
