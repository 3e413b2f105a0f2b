package kz.forumpulse.reporting.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.QuestionId;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.Topics;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import kz.forumpulse.reporting.store.ReportStore;
import kz.forumpulse.testsupport.EventProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

@ReportingIntegrationTest
class FaqProjectionTest {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired ReportStore store;

  final String forumId = "rep-" + UUID.randomUUID();

  @Test
  void countsAQuestionOnceWhenItsEventIsPublishedTwice() throws Exception {
    QuestionSubmitted first = question("Какая ставка по микрокредиту Ауыл аманаты?", "TEREKTI");
    QuestionSubmitted second = question("Какая ставка по микрокредиту «Ауыл аманаты»?", "BURLIN");
    publish(first);
    publish(first); // the relay republished after a crash: same event id, new offset
    publish(second);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/forums/{id}/reports/faq", forumId)
                            .param("project", "AUYL_AMANATY")
                            .with(httpBasic("analyst", "test-analyst")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.groups.length()").value(1))
                    .andExpect(jsonPath("$.groups[0].count").value(2))
                    .andExpect(jsonPath("$.groups[0].districts.TEREKTI").value(1))
                    .andExpect(jsonPath("$.groups[0].districts.BURLIN").value(1)));
    // The duplicate must have been consumed (not merely not yet arrived) before we conclude.
    publish(question("Интернет в селе когда будет?", "TEREKTI"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mongo.count(forumQuestions(), store.active().questions()) == 3);
    assertThat(mongo.count(forumQuestions(), store.active().questions())).isEqualTo(3);
    mvc.perform(
            get("/api/forums/{id}/reports/faq", forumId)
                .param("project", "AUYL_AMANATY")
                .with(httpBasic("analyst", "test-analyst")))
        .andExpect(jsonPath("$.groups[0].count").value(2));
  }

  @Test
  void setsAsideRecordsThatCanNeverBeReadAndGoesOn() throws Exception {
    String marker = "poison-" + UUID.randomUUID();
    EventProbe.send(
        Topics.QUESTIONS,
        forumId,
        ("{ not json " + marker).getBytes(StandardCharsets.UTF_8),
        Map.of());
    QuestionSubmitted after = question("Жер қайтару мерзімі қандай?", "SYRYM");
    publish(after);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mongo.exists(
                    Query.query(Criteria.where("_id").is(after.questionId().value())),
                    store.active().questions()));
    assertThat(
            EventProbe.deadLetterReason(
                "forum-pulse.dlt.reporting-service", marker, Duration.ofSeconds(20)))
        .contains("not a valid QuestionEvent");
  }

  @Test
  void pushesALiveSignalWhenTheFaqChangesAndSuggestsSimilarQuestions() throws Exception {
    var live =
        mvc.perform(
                get("/api/forums/{id}/reports/live", forumId)
                    .with(httpBasic("organiser", "test-organiser")))
            .andExpect(request().asyncStarted())
            .andReturn();
    assertThat(live.getResponse().getContentAsString()).contains("event:ready");

    QuestionSubmitted asked =
        question("Какие документы нужны для микрокредита Ауыл аманаты?", "TEREKTI");
    publish(asked);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(live.getResponse().getContentAsString()).contains("event:faq"));
    mvc.perform(
            get("/api/forums/{id}/questions/similar", forumId)
                .param("project", "AUYL_AMANATY")
                .param("text", "какие документы нужны на микрокредит"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].questionId").value(asked.questionId().value()))
        .andExpect(jsonPath("$[0].text").value(asked.text()));
    // One signal per applied event: the benchmark's freshness counts on it.
    assertThat(live.getResponse().getContentAsString().split("event:faq", -1)).hasSize(2);
    mvc.perform(
            get("/api/forums/{id}/questions/similar", "no-such-forum")
                .param("project", "AUYL_AMANATY")
                .param("text", "документы"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
    mvc.perform(get("/api/forums/{id}/questions/similar", forumId).param("project", "AUYL_AMANATY"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void reportsNeedAStaffLogin() throws Exception {
    mvc.perform(get("/api/forums/{id}/reports/faq", forumId)).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/forums/{id}/reports/faq", forumId).with(httpBasic("analyst", "wrong")))
        .andExpect(status().isUnauthorized());
  }

  private Query forumQuestions() {
    return Query.query(Criteria.where("forumId").is(forumId));
  }

  private QuestionSubmitted question(String text, String district) {
    return new QuestionSubmitted(
        UUID.randomUUID(),
        1,
        Instant.now(),
        ForumId.of(forumId),
        QuestionId.of(UUID.randomUUID().toString()),
        ParticipantId.of(UUID.randomUUID().toString()),
        text.contains("Интернет")
            ? "OTHER"
            : text.contains("Жер") ? "ZHER_AMANATY" : "AUYL_AMANATY",
        text,
        "ru",
        true,
        null,
        district,
        "RURAL_AKIM");
  }

  private static void publish(QuestionSubmitted event) {
    EventProbe.send(
        Topics.QUESTIONS,
        Topics.keyOf(event),
        EventCodec.encode(event),
        Map.of(Topics.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8)));
  }
}
