package kz.forumpulse.reporting.rebuild;

import static kz.forumpulse.reporting.TestEvents.publish;
import static kz.forumpulse.reporting.TestEvents.question;
import static kz.forumpulse.reporting.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.QuestionAnswered;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.QuestionSupported;
import kz.forumpulse.events.QuestionWithdrawn;
import kz.forumpulse.events.Topics;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import kz.forumpulse.reporting.store.ReportStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ReportingIntegrationTest
class RebuildTest {

  @Autowired MockMvc mvc;
  @Autowired ReportStore store;

  final String forumId = "rebuild-" + UUID.randomUUID();

  @Test
  void rebuiltReportsEqualTheLiveOnesExactly() throws Exception {
    String[] texts = {
      "Какой срок погашения микрокредита по Ауыл аманаты?",
      "Ауыл аманаты бойынша несиені өтеу мерзімі қандай?",
      "Какая процентная ставка по микрокредиту?",
      "Какой срок погашения кредита Ауыл аманаты для животноводов?",
      "Какие документы нужны для получения микрокредита?",
      "Микрокредит алу үшін қандай құжаттар керек?"
    };
    String[] districts = {"TEREKTI", "BURLIN", "SYRYM", "TASKALA"};
    for (int i = 0; i < 8; i++) {
      publish(
          Topics.ATTENDEES,
          registered(forumId, i % 3 == 0 ? "MASLIKHAT_DEPUTY" : "RURAL_AKIM", districts[i % 4]));
    }
    QuestionSubmitted last = null;
    QuestionSubmitted first = null;
    for (int i = 0; i < texts.length; i++) {
      last = question(forumId, "AUYL_AMANATY", texts[i], districts[i % 4]);
      first = first == null ? last : first;
      publish(Topics.QUESTIONS, last);
    }
    publish(Topics.QUESTIONS, last); // a duplicate publication must not count on replay either
    // Moves between cells of the questions cross-tab, and support, replayed in the same order.
    QuestionSupported support = supported(first, 1);
    publish(Topics.QUESTIONS, support);
    publish(Topics.QUESTIONS, supported(first, 2));
    publish(Topics.QUESTIONS, support);
    publish(Topics.QUESTIONS, answered(first));
    publish(Topics.QUESTIONS, withdrawn(last));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                faqTotal() == texts.length - 1
                    && attendanceTotal() == 8
                    && questionsAnswered() == 1
                    && questionsOpen() == texts.length - 2);
    String liveFaq = report("faq?project=AUYL_AMANATY");
    String liveAttendance = report("attendance");
    String liveQuestions = report("questions");
    assertThat((Integer) JsonPath.read(liveQuestions, "$.total")).isEqualTo(texts.length);
    assertThat((Integer) JsonPath.read(liveQuestions, "$.supports")).isEqualTo(2);
    String before = store.active().id();

    mvc.perform(post("/api/reports/rebuild").with(httpBasic("organiser", "test-organiser")))
        .andExpect(status().isAccepted());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/reports/rebuild").with(httpBasic("organiser", "test-organiser")))
                    .andExpect(jsonPath("$.state").value("DONE")));

    assertThat(store.active().id()).isNotEqualTo(before);
    assertThat(report("faq?project=AUYL_AMANATY")).isEqualTo(liveFaq);
    assertThat(report("attendance")).isEqualTo(liveAttendance);
    assertThat(report("questions")).isEqualTo(liveQuestions);
    assertThat((Integer) JsonPath.read(liveFaq, "$.questions")).isEqualTo(texts.length - 1);

    // Live consumption goes on into the new generation.
    publish(
        Topics.QUESTIONS,
        question(forumId, "AUYL_AMANATY", "Где подать заявку на микрокредит?", "SYRYM"));
    await().atMost(Duration.ofSeconds(30)).until(() -> faqTotal() == texts.length);
    assertThat((Integer) JsonPath.read(report("questions"), "$.total")).isEqualTo(texts.length + 1);
  }

  @Test
  void onlyOrganisersMayRebuild() throws Exception {
    mvc.perform(post("/api/reports/rebuild").with(httpBasic("analyst", "test-analyst")))
        .andExpect(status().isForbidden());
  }

  private int faqTotal() throws Exception {
    return JsonPath.read(report("faq?project=AUYL_AMANATY"), "$.questions");
  }

  private int questionsAnswered() throws Exception {
    return JsonPath.read(report("questions"), "$.answered");
  }

  private int questionsOpen() throws Exception {
    return JsonPath.read(report("questions"), "$.open");
  }

  private QuestionSupported supported(QuestionSubmitted q, int count) {
    return new QuestionSupported(
        UUID.randomUUID(),
        1,
        Instant.now(),
        q.forumId(),
        q.questionId(),
        ParticipantId.of(UUID.randomUUID().toString()),
        q.district(),
        "RURAL_AKIM",
        count);
  }

  private static QuestionAnswered answered(QuestionSubmitted q) {
    return new QuestionAnswered(
        UUID.randomUUID(), 1, Instant.now(), q.forumId(), q.questionId(), "Ответ", "speaker");
  }

  private static QuestionWithdrawn withdrawn(QuestionSubmitted q) {
    return new QuestionWithdrawn(
        UUID.randomUUID(), 1, Instant.now(), q.forumId(), q.questionId(), "moderator", "duplicate");
  }

  private int attendanceTotal() throws Exception {
    return JsonPath.read(report("attendance"), "$.total");
  }

  private String report(String path) throws Exception {
    return mvc.perform(
            get("/api/forums/" + forumId + "/reports/" + path)
                .with(httpBasic("analyst", "test-analyst")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
