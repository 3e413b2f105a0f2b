package kz.forumpulse.feedback.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import kz.forumpulse.events.QuestionAnswered;
import kz.forumpulse.events.QuestionApproved;
import kz.forumpulse.events.QuestionEdited;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionRejected;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.QuestionWithdrawn;
import kz.forumpulse.feedback.FeedbackIntegrationTest;
import kz.forumpulse.feedback.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@FeedbackIntegrationTest
class ModerationTest {

  static final RequestPostProcessor MODERATOR = httpBasic("moderator", "test-moderator");
  static final RequestPostProcessor ORGANISER = httpBasic("organiser", "test-organiser");
  static final RequestPostProcessor ANALYST = httpBasic("analyst", "test-analyst");

  @Autowired MockMvc mvc;

  Fixtures forum;
  Fixtures.Participant asker;

  @BeforeEach
  void preModeratedForum() throws Exception {
    forum = Fixtures.newForum(mvc);
    mvc.perform(
            put("/api/forums/{id}/moderation/settings", forum.forumId)
                .with(MODERATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\":\"PRE_MODERATED\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mode").value("PRE_MODERATED"))
        .andExpect(jsonPath("$.questionsOpen").value(true));
    asker = forum.register("Сауле Каримова");
  }

  @Test
  void aPreModeratedQuestionGoesThroughTheWholeLifecycleWithHistoryAndEvents() throws Exception {
    String id = forum.ask(asker, "ZHER_AMANATY", "Когда вернут землю в Теректинском раионе?");
    wall().andExpect(jsonPath("$.total").value(0));
    mvc.perform(
            get("/api/forums/{id}/moderation/questions?status=PENDING_MODERATION", forum.forumId)
                .with(MODERATOR))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(id));

    act(
            id,
            "edit",
            "{\"text\":\"Когда вернут землю в Теректинском районе?\",\"reason\":\"опечатка\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.text").value("Когда вернут землю в Теректинском районе?"))
        .andExpect(jsonPath("$.originalText").value("Когда вернут землю в Теректинском раионе?"));
    act(id, "approve", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PUBLISHED"));
    // A double click changes nothing.
    act(id, "approve", null).andExpect(status().isOk());
    wall()
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].text").value("Когда вернут землю в Теректинском районе?"));
    act(id, "answer", "{\"answer\":\"До конца 2027 года.\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.answer.text").value("До конца 2027 года."))
        .andExpect(jsonPath("$.answer.by").value("moderator"));

    mvc.perform(
            get("/api/forums/{id}/my/questions", forum.forumId)
                .header("X-Participant-Code", asker.code()))
        .andExpect(jsonPath("$[0].status").value("PUBLISHED"))
        .andExpect(jsonPath("$[0].answer.text").value("До конца 2027 года."));

    mvc.perform(
            post("/api/forums/{f}/moderation/questions/{q}/withdraw", forum.forumId, id)
                .with(ORGANISER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"дубликат\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("WITHDRAWN"))
        .andExpect(
            jsonPath("$.actions[*].type")
                .value(
                    org.hamcrest.Matchers.contains(
                        "SUBMITTED", "EDITED", "APPROVED", "ANSWERED", "WITHDRAWN")))
        .andExpect(jsonPath("$.actions[1].by").value("moderator"))
        .andExpect(jsonPath("$.actions[1].reason").value("опечатка"))
        .andExpect(
            jsonPath("$.actions[1].previousText")
                .value("Когда вернут землю в Теректинском раионе?"))
        .andExpect(jsonPath("$.actions[4].by").value("organiser"))
        .andExpect(jsonPath("$.actions[4].at").exists());
    act(id, "approve", null)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("invalidTransition"));
    wall().andExpect(jsonPath("$.total").value(0));

    List<QuestionEvent> events =
        forum.questionEvents(all -> all.stream().anyMatch(QuestionWithdrawn.class::isInstance));
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "QuestionSubmitted",
            "QuestionEdited",
            "QuestionApproved",
            "QuestionAnswered",
            "QuestionWithdrawn");
    assertThat(((QuestionSubmitted) events.get(0)).status()).isEqualTo("PENDING_MODERATION");
    assertThat(((QuestionEdited) events.get(1)).previousText()).endsWith("раионе?");
    assertThat(((QuestionApproved) events.get(2)).moderator()).isEqualTo("moderator");
    assertThat(((QuestionAnswered) events.get(3)).answer()).isEqualTo("До конца 2027 года.");
    assertThat(((QuestionWithdrawn) events.get(4)).reason()).isEqualTo("дубликат");
  }

  @Test
  void aRejectedQuestionShowsItsReasonToItsAuthorOnly() throws Exception {
    String id = forum.ask(asker, "OTHER", "Реклама моего магазина");
    act(id, "reject", "{\"reason\":\"Не по теме форума\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REJECTED"));
    act(id, "reject", "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));

    mvc.perform(
            get("/api/forums/{id}/my/questions", forum.forumId)
                .header("X-Participant-Code", asker.code()))
        .andExpect(jsonPath("$[0].status").value("REJECTED"))
        .andExpect(jsonPath("$[0].statusReason").value("Не по теме форума"));
    wall().andExpect(jsonPath("$.total").value(0));
    assertThat(
            forum.questionEvents(all -> all.stream().anyMatch(QuestionRejected.class::isInstance)))
        .filteredOn(QuestionRejected.class::isInstance)
        .singleElement()
        .satisfies(e -> assertThat(((QuestionRejected) e).reason()).isEqualTo("Не по теме форума"));
  }

  @Test
  void onlyModeratorsAndOrganisersModerate() throws Exception {
    String id = forum.ask(asker, "OTHER", "Вопрос");
    mvc.perform(post("/api/forums/{f}/moderation/questions/{q}/approve", forum.forumId, id))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/forums/{f}/moderation/questions/{q}/approve", forum.forumId, id)
                .with(ANALYST))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/forums/{f}/moderation/questions/{q}/approve", forum.forumId, id)
                .header("X-Participant-Code", asker.code()))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/forums/{f}/moderation/settings", forum.forumId).with(ANALYST))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/forums/{f}/moderation/questions/{q}/approve", forum.forumId, id)
                .with(ORGANISER))
        .andExpect(status().isOk());
  }

  private ResultActions act(String id, String action, String json) throws Exception {
    var request =
        post("/api/forums/{f}/moderation/questions/{q}/" + action, forum.forumId, id)
            .with(MODERATOR);
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request);
  }

  private ResultActions wall() throws Exception {
    return mvc.perform(get("/api/forums/{id}/questions", forum.forumId));
  }
}
