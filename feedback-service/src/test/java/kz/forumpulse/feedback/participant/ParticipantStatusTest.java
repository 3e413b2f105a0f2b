package kz.forumpulse.feedback.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantCancelled;
import kz.forumpulse.events.ParticipantErased;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantUpdated;
import kz.forumpulse.events.Topics;
import kz.forumpulse.feedback.FeedbackIntegrationTest;
import kz.forumpulse.feedback.Fixtures;
import kz.forumpulse.testsupport.EventProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The participant view follows registration: cancelled cannot ask, erased leaves no name. */
@FeedbackIntegrationTest
class ParticipantStatusTest {

  @Autowired MockMvc mvc;

  Fixtures forum;
  Fixtures.Participant aigul;

  @BeforeEach
  void registered() throws Exception {
    forum = Fixtures.newForum(mvc);
    aigul = forum.register("Айгуль Сапарова");
  }

  /**
   * Waits until every attendee event sent so far is applied: events of one forum share a partition
   * and are applied in order, so once a participant registered after them is known, they are too.
   */
  private void appliedSoFar() {
    forum.register("Контрольный участник");
  }

  @Test
  void aCancelledParticipantCannotAskOrSupport() throws Exception {
    Fixtures.Participant marat = forum.register("Марат Утегенов");
    String question = forum.ask(marat, "OTHER", "Когда будет интернет?");
    Fixtures.publish(
        Topics.ATTENDEES,
        new ParticipantCancelled(
            UUID.randomUUID(),
            1,
            Instant.now(),
            ForumId.of(forum.forumId),
            ParticipantId.of(aigul.id()),
            "CANCELLED",
            "REGISTERED"));

    appliedSoFar();

    mvc.perform(
            post("/api/forums/{id}/questions", forum.forumId)
                .header("X-Participant-Code", aigul.code())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"OTHER\",\"text\":\"Вопрос\"}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("participantMayNotAsk"));
    mvc.perform(
            post("/api/forums/{f}/questions/{q}/support", forum.forumId, question)
                .header("X-Participant-Code", aigul.code()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("participantMayNotAsk"));
  }

  @Test
  void anUpdatedNameIsUsedAndAnErasedParticipantLeavesNoNameBehind() throws Exception {
    Fixtures.publish(
        Topics.ATTENDEES,
        new ParticipantUpdated(
            UUID.randomUUID(),
            1,
            Instant.now(),
            ForumId.of(forum.forumId),
            ParticipantId.of(aigul.id()),
            "REGISTERED",
            "Айгүл Сапарова",
            "MASLIKHAT_DEPUTY",
            "BURLIN",
            "Аксайский с.о.",
            false,
            true,
            "kk",
            List.of()));
    appliedSoFar();
    String id = forum.ask(aigul, "OTHER", "Вопрос про интернет");
    mvc.perform(get("/api/forums/{id}/questions?sort=newest", forum.forumId))
        .andExpect(jsonPath("$.items[0].id").value(id))
        .andExpect(jsonPath("$.items[0].authorName").value("Айгүл Сапарова"));

    Fixtures.publish(
        Topics.ATTENDEES,
        new ParticipantErased(
            UUID.randomUUID(),
            1,
            Instant.now(),
            ForumId.of(forum.forumId),
            ParticipantId.of(aigul.id()),
            "CANCELLED"));

    appliedSoFar();
    mvc.perform(get("/api/forums/{id}/questions", forum.forumId))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].authorName").doesNotExist());
    // The code hash is gone with the rest: the erased code is simply unknown now.
    mvc.perform(
            get("/api/forums/{id}/my/questions", forum.forumId)
                .header("X-Participant-Code", aigul.code()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("unknownParticipantCode"));
  }

  @Test
  void anUnreadableAttendeeRecordIsDeadLetteredWithItsReasonAndTheRestApplied() throws Exception {
    String marker = "poison-" + UUID.randomUUID();
    EventProbe.send(
        Topics.ATTENDEES,
        forum.forumId,
        ("this is not JSON {" + marker).getBytes(StandardCharsets.UTF_8),
        Map.of());
    // Registered after the poison, on the same partition: known only if consumption went on.
    Fixtures.Participant dana = forum.register("Дана Ержанова");
    forum.ask(dana, "OTHER", "Когда отремонтируют дорогу?");

    assertThat(
            EventProbe.deadLetterReason(
                "forum-pulse.dlt.feedback-service", marker, Duration.ofSeconds(30)))
        .contains("not a valid AttendeeEvent");
  }
}
