package kz.forumpulse.feedback.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kz.forumpulse.events.DomainEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ForumScheduled;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.Topics;
import kz.forumpulse.feedback.FeedbackIntegrationTest;
import kz.forumpulse.feedback.Fixtures;
import kz.forumpulse.testsupport.EventProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@FeedbackIntegrationTest
class QuestionSubmissionTest {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  String forumId;

  @BeforeEach
  void forumIsKnown() throws Exception {
    forumId = "fb-" + UUID.randomUUID();
    publish(Topics.FORUMS, Fixtures.scheduled(forumId));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/forums/{id}/projects", forumId)).andExpect(status().isOk()));
  }

  @Test
  void listsTheDefaultProjectsInBothLanguages() throws Exception {
    mvc.perform(get("/api/forums/{id}/projects", forumId))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(5))
        .andExpect(jsonPath("$[0].code").value("AUYL_AMANATY"))
        .andExpect(jsonPath("$[2].nameKk").value("«Қаладан – ауылға»"));
  }

  @Test
  void acceptsAQuestionInAForumWhoseEventIsStillOnItsWay() throws Exception {
    // An organiser creates a forum, a participant registers in it and asks at once: when the
    // question arrives here, neither the forum's event nor the registration's has.
    forumId = "fb-" + UUID.randomUUID();
    String code =
        "CODE" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    ForumScheduled forum = Fixtures.scheduled(forumId);
    ParticipantRegistered registration =
        registered(UUID.randomUUID().toString(), code, "Жанар Сейткали");
    CompletableFuture.runAsync(
        () -> {
          publish(Topics.FORUMS, forum);
          publish(Topics.ATTENDEES, registration);
        },
        CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));

    mvc.perform(
            post("/api/forums/{id}/questions", forumId)
                .header("X-Participant-Code", code)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"OTHER\",\"text\":\"Когда улучшат мобильную связь?\"}"))
        .andExpect(status().isCreated());
  }

  @Test
  void acceptsAQuestionFromAParticipantWhoseRegistrationIsStillOnItsWay() throws Exception {
    String code =
        "CODE" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    String participantId = UUID.randomUUID().toString();
    // The attendee event arrives a moment after the participant already asks.
    CompletableFuture.runAsync(
        () -> publish(Topics.ATTENDEES, registered(participantId, code, "Сауле Каримова")),
        CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));

    String body =
        mvc.perform(
                post("/api/forums/{id}/questions", forumId)
                    .header("X-Participant-Code", code)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"project\":\"ZHER_AMANATY\",\"text\":\"Жерді қайтару мерзімі қашан?\",\"anonymous\":false}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.language").value("kk"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String questionId = com.jayway.jsonpath.JsonPath.read(body, "$.id");

    var records =
        EventProbe.readAll(
            Topics.QUESTIONS,
            Duration.ofSeconds(20),
            all ->
                all.stream()
                    .anyMatch(
                        r -> new String(r.value(), StandardCharsets.UTF_8).contains(questionId)));
    QuestionSubmitted event =
        records.stream()
            .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(questionId))
            .map(r -> (QuestionSubmitted) EventCodec.decode(r.value(), QuestionEvent.class))
            .findFirst()
            .orElseThrow();
    assertThat(event.authorName()).isEqualTo("Сауле Каримова");
    assertThat(event.district()).isEqualTo("TEREKTI");
    assertThat(event.role()).isEqualTo("RURAL_AKIM");
  }

  @Test
  void anonymousQuestionsCarryNoName() throws Exception {
    String code =
        "ANON" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    publish(Topics.ATTENDEES, registered(UUID.randomUUID().toString(), code, "Марат Утегенов"));
    String body =
        mvc.perform(
                post("/api/forums/{id}/questions", forumId)
                    .header("X-Participant-Code", code)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"project\":\"OTHER\",\"text\":\"Когда в наше село проведут интернет?\",\"anonymous\":true}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.language").value("ru"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String questionId = com.jayway.jsonpath.JsonPath.read(body, "$.id");
    var records =
        EventProbe.readAll(
            Topics.QUESTIONS,
            Duration.ofSeconds(20),
            all ->
                all.stream()
                    .anyMatch(
                        r -> new String(r.value(), StandardCharsets.UTF_8).contains(questionId)));
    assertThat(records)
        .filteredOn(r -> new String(r.value(), StandardCharsets.UTF_8).contains(questionId))
        .singleElement()
        .satisfies(
            r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain("Марат"));
  }

  @Test
  void refusesUnknownCodesProjectsAndOversizedTextAndStoresNothing() throws Exception {
    String code =
        "BAD" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    publish(Topics.ATTENDEES, registered(UUID.randomUUID().toString(), code, "Асель Нуртаева"));

    mvc.perform(
            post("/api/forums/{id}/questions", forumId)
                .header("X-Participant-Code", "NOT-A-REAL-CODE")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"OTHER\",\"text\":\"Вопрос\"}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("unknownParticipantCode"));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                mvc.perform(
                        post("/api/forums/{id}/questions", forumId)
                            .header("X-Participant-Code", code)
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"project\":\"MARS_COLONY\",\"text\":\"Вопрос\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("project")));
    mvc.perform(
            post("/api/forums/{id}/questions", forumId)
                .header("X-Participant-Code", code)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"OTHER\",\"text\":\"" + "а".repeat(1001) + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("text"));
    mvc.perform(
            post("/api/forums/{id}/questions", forumId)
                .header("X-Participant-Code", code)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"project\":\"OTHER\",\"text\":\"   \"}"))
        .andExpect(status().isBadRequest());

    assertThat(mongo.count(Query.query(Criteria.where("forumId").is(forumId)), "questions"))
        .isZero();
  }

  private ParticipantRegistered registered(String participantId, String code, String name) {
    return new ParticipantRegistered(
        UUID.randomUUID(),
        1,
        Instant.now(),
        ForumId.of(forumId),
        ParticipantId.of(participantId),
        sha256(code),
        name,
        "RURAL_AKIM",
        "TEREKTI",
        "Федоровский с.о.",
        true,
        true,
        "ru",
        "REGISTERED");
  }

  private static void publish(String topic, DomainEvent event) {
    EventProbe.send(
        topic,
        Topics.keyOf(event),
        EventCodec.encode(event),
        Map.of(Topics.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8)));
  }

  private static String sha256(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
