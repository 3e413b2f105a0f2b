package kz.forumpulse.feedback.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.feedback.FeedbackIntegrationTest;
import kz.forumpulse.feedback.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The rules of asking: plain text, sessions, closed periods, flood limit, localized problems. */
@FeedbackIntegrationTest
class QuestionRulesTest {

  @Autowired MockMvc mvc;

  Fixtures forum;
  Fixtures.Participant aigul;

  @BeforeEach
  void forumWithAParticipant() throws Exception {
    forum = Fixtures.newForum(mvc);
    aigul = forum.register("Айгуль Сапарова");
  }

  @Test
  void textIsPlainTextStoredAsTypedAndNeverInterpreted() throws Exception {
    String typed = "<script>alert('x')</script> & <b>Жер</b> \"аманаты\"";
    // "й" typed as и + combining breve: stored composed (NFC), so equal questions compare equal.
    String decomposed = "Когда будет интернет в селе Краснои\u0306?";
    String json =
        JsonMapper.builder()
            .build()
            .writeValueAsString(
                java.util.Map.of("project", "OTHER", "text", typed, "sessionId", "plenary-1"));

    String id = forum.ask(aigul, json);
    forum.ask(
        aigul,
        JsonMapper.builder()
            .build()
            .writeValueAsString(java.util.Map.of("project", "OTHER", "text", decomposed)));

    var wall =
        mvc.perform(get("/api/forums/{id}/questions?sort=newest", forum.forumId))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    List<String> texts = com.jayway.jsonpath.JsonPath.read(wall, "$.items[*].text");
    assertThat(texts).containsExactlyInAnyOrder(typed, "Когда будет интернет в селе Красной?");
    assertThat(wall).doesNotContain("&lt;").doesNotContain("\\u003c");

    List<QuestionEvent> events =
        forum.questionEvents(all -> all.stream().anyMatch(e -> e.questionId().value().equals(id)));
    QuestionSubmitted submitted =
        (QuestionSubmitted)
            events.stream()
                .filter(e -> e.questionId().value().equals(id))
                .findFirst()
                .orElseThrow();
    assertThat(submitted.text()).isEqualTo(typed);
    assertThat(submitted.sessionId()).isEqualTo("plenary-1");
    assertThat(submitted.status()).isEqualTo("PUBLISHED");
  }

  @Test
  void theAuthorCanWithdrawTheirOwnQuestionAndNobodyElseCan() throws Exception {
    String id = forum.ask(aigul, "OTHER", "Передумала спрашивать");
    Fixtures.Participant marat = forum.register("Марат Утегенов");

    mvc.perform(
            delete("/api/forums/{f}/my/questions/{q}", forum.forumId, id)
                .header("X-Participant-Code", marat.code()))
        .andExpect(status().isNotFound());
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              delete("/api/forums/{f}/my/questions/{q}", forum.forumId, id)
                  .header("X-Participant-Code", aigul.code()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.status").value("WITHDRAWN"));
    }
    mvc.perform(get("/api/forums/{id}/questions", forum.forumId))
        .andExpect(jsonPath("$.total").value(0));

    List<QuestionEvent> events =
        forum.questionEvents(
            all -> all.stream().anyMatch(kz.forumpulse.events.QuestionWithdrawn.class::isInstance));
    assertThat(events)
        .filteredOn(kz.forumpulse.events.QuestionWithdrawn.class::isInstance)
        .singleElement()
        .satisfies(
            e ->
                assertThat(((kz.forumpulse.events.QuestionWithdrawn) e).withdrawnBy())
                    .isEqualTo("author"));
  }

  @Test
  void onceTheForumDeclaresSessionsAQuestionMayOnlyNameOneOfThem() throws Exception {
    Fixtures.publish(
        kz.forumpulse.events.Topics.FORUMS,
        new kz.forumpulse.events.ForumUpdated(
            java.util.UUID.randomUUID(),
            1,
            java.time.Instant.now(),
            kz.forumpulse.events.ForumId.of(forum.forumId),
            "Форум",
            "Форум",
            java.time.LocalDate.parse("2026-12-10"),
            java.time.LocalDate.parse("2026-12-10"),
            "ZKO",
            List.of("TEREKTI"),
            300,
            null,
            null,
            false,
            List.of(
                new kz.forumpulse.events.ForumSession("plenary", "Пленарное", "Пленарлық", null),
                new kz.forumpulse.events.ForumSession("seminar", "Семинар", "Семинар", 60)),
            2));

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(
                        post("/api/forums/{id}/questions", forum.forumId)
                            .header("X-Participant-Code", aigul.code())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                "{\"project\":\"OTHER\",\"text\":\"Вопрос\",\"sessionId\":\"party\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("sessionId"))
                    .andExpect(jsonPath("$.code").value("unknownSession")));
    forum.ask(aigul, "{\"project\":\"OTHER\",\"text\":\"Вопрос\",\"sessionId\":\"seminar\"}");
  }

  @Test
  void aClosedQuestionPeriodRefusesQuestions() throws Exception {
    mvc.perform(
            put("/api/forums/{id}/moderation/settings", forum.forumId)
                .with(SecurityMockMvcRequestPostProcessors.httpBasic("organiser", "test-organiser"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"questionsOpen\":false}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.questionsOpen").value(false))
        .andExpect(jsonPath("$.mode").value("OFF"));

    mvc.perform(
            post("/api/forums/{id}/questions", forum.forumId)
                .header("X-Participant-Code", aigul.code())
                .header("Accept-Language", "kk")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"OTHER\",\"text\":\"Сұрақ\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("questionsClosed"))
        .andExpect(jsonPath("$.detail").value("Бұл форумда сұрақ қабылдау жабылды."));
  }

  @Test
  void unknownForumAndFieldProblemsAreClearAndLocalized() throws Exception {
    mvc.perform(
            post("/api/forums/{id}/questions", "no-such-forum")
                .header("X-Participant-Code", aigul.code())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"OTHER\",\"text\":\"Вопрос\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("forumNotFound"));
    mvc.perform(
            post("/api/forums/{id}/questions", forum.forumId)
                .header("X-Participant-Code", aigul.code())
                .header("Accept-Language", "ru")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"project\":\"OTHER\",\"text\":\""
                        + "а".repeat(1001)
                        + "\",\"language\":\"de\",\"sessionId\":\"пленарка\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(org.hamcrest.Matchers.containsInAnyOrder("language", "sessionId", "text")))
        .andExpect(
            jsonPath("$.errors[?(@.field=='text')].message").value("Не более 1000 символов."));
    mvc.perform(
            post("/api/forums/{id}/questions", forum.forumId)
                .header("X-Participant-Code", aigul.code())
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"MARS\",\"text\":\"Question\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("project"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("Project MARS is not in this forum's catalogue."));
  }

  @Test
  void floodingIsRefusedWithRetryAfterAndTheParticipantSeesTheirOwnQuestions() throws Exception {
    for (int i = 1; i <= 10; i++) {
      forum.ask(aigul, "OTHER", "Вопрос номер " + i);
    }
    mvc.perform(
            post("/api/forums/{id}/questions", forum.forumId)
                .header("X-Participant-Code", aigul.code())
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"OTHER\",\"text\":\"Одиннадцатый\"}"))
        .andExpect(status().isTooManyRequests())
        // The first of the ten leaves the window ten minutes after it was asked: just under 600 s.
        .andExpect(
            header()
                .string("Retry-After", org.hamcrest.Matchers.matchesPattern("(5[0-9][0-9]|600)")))
        .andExpect(jsonPath("$.code").value("tooManyQuestions"))
        .andExpect(
            jsonPath("$.detail")
                .value("Too many questions: at most 10 per 10 minutes. Try again later."));

    // Another participant is not affected.
    Fixtures.Participant marat = forum.register("Марат Утегенов");
    forum.ask(marat, "OTHER", "Мой первый вопрос");

    mvc.perform(
            get("/api/forums/{id}/my/questions", forum.forumId)
                .header("X-Participant-Code", aigul.code()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(10))
        .andExpect(jsonPath("$[0].text").value("Вопрос номер 10"))
        .andExpect(jsonPath("$[0].status").value("PUBLISHED"));
  }
}
