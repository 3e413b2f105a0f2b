package kz.forumpulse.reporting.faq;

import static kz.forumpulse.reporting.TestEvents.publish;
import static kz.forumpulse.reporting.TestEvents.question;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.QuestionAnswered;
import kz.forumpulse.events.QuestionRejected;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.QuestionSupportWithdrawn;
import kz.forumpulse.events.QuestionSupported;
import kz.forumpulse.events.Topics;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Supports, answers and moderation change the FAQ exactly once each, even when redelivered. */
@ReportingIntegrationTest
class FaqLifecycleTest {

  @Autowired MockMvc mvc;

  final String forumId = "life-" + UUID.randomUUID();

  @Test
  void supportsAnswersAndRejectionsAreCountedOnce() throws Exception {
    QuestionSubmitted a =
        question(
            forumId, "ZHER_AMANATY", "Как вернуть неиспользуемую землю государству?", "TEREKTI");
    QuestionSubmitted b =
        question(
            forumId,
            "ZHER_AMANATY",
            "Как вернуть неиспользуемую землю в госсобственность?",
            "BURLIN");
    QuestionSubmitted spam =
        question(
            forumId, "ZHER_AMANATY", "Как вернуть неиспользуемую землю государству???", "SYRYM");
    publish(Topics.QUESTIONS, a);
    publish(Topics.QUESTIONS, b);
    publish(Topics.QUESTIONS, spam);

    String p1 = UUID.randomUUID().toString();
    String p2 = UUID.randomUUID().toString();
    QuestionSupported s1 = supported(a, p1, 1);
    publish(Topics.QUESTIONS, s1);
    publish(Topics.QUESTIONS, s1); // duplicate publication
    publish(Topics.QUESTIONS, supported(a, p2, 2));
    publish(Topics.QUESTIONS, withdrawn(a, p2, 1));
    QuestionRejected rejected =
        new QuestionRejected(
            UUID.randomUUID(),
            1,
            Instant.now(),
            a.forumId(),
            spam.questionId(),
            "moderator",
            "дубликат");
    publish(Topics.QUESTIONS, rejected);
    publish(Topics.QUESTIONS, rejected);
    QuestionAnswered answered =
        new QuestionAnswered(
            UUID.randomUUID(),
            1,
            Instant.now(),
            a.forumId(),
            b.questionId(),
            "Через акимат района.",
            "moderator");
    publish(Topics.QUESTIONS, answered);
    publish(Topics.QUESTIONS, answered);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/forums/{id}/reports/faq", forumId)
                            .param("project", "ZHER_AMANATY")
                            .with(httpBasic("organiser", "test-organiser")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.groups.length()").value(1))
                    .andExpect(jsonPath("$.groups[0].count").value(2))
                    .andExpect(jsonPath("$.groups[0].supporters").value(1))
                    .andExpect(jsonPath("$.groups[0].answered").value(1))
                    .andExpect(jsonPath("$.groups[0].districts.SYRYM").doesNotExist()));

    mvc.perform(
            get("/api/forums/{id}/reports/faq", forumId)
                .param("district", "BURLIN")
                .param("answered", "true")
                .with(httpBasic("organiser", "test-organiser")))
        .andExpect(jsonPath("$.groups.length()").value(1));
    mvc.perform(
            get("/api/forums/{id}/reports/faq", forumId)
                .param("district", "SYRYM")
                .with(httpBasic("organiser", "test-organiser")))
        .andExpect(jsonPath("$.groups.length()").value(0));
  }

  @Test
  void exportsTheFaqAsCsvAndXlsxWithoutRunnableFormulas() throws Exception {
    QuestionSubmitted hostile =
        question(
            forumId,
            "OTHER",
            "=HYPERLINK(\"http://evil\",\"интернет\") когда будет интернет?",
            "TEREKTI");
    publish(Topics.QUESTIONS, hostile);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/forums/{id}/reports/faq/export", forumId)
                            .param("format", "csv")
                            .param("project", "OTHER")
                            .with(httpBasic("analyst", "test-analyst")))
                    .andExpect(status().isOk())
                    .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("\"'=HYPERLINK("))));
    byte[] xlsx =
        mvc.perform(
                get("/api/forums/{id}/reports/faq/export", forumId)
                    .param("format", "xlsx")
                    .with(httpBasic("analyst", "test-analyst")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (var workbook =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      var cell = workbook.getSheet("faq").getRow(1).getCell(2);
      org.assertj.core.api.Assertions.assertThat(cell.getCellType())
          .isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
      org.assertj.core.api.Assertions.assertThat(cell.getStringCellValue())
          .startsWith("'=HYPERLINK");
    }
    mvc.perform(
            get("/api/forums/{id}/reports/attendance/export", forumId)
                .param("format", "pdf")
                .with(httpBasic("analyst", "test-analyst")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("format"));
  }

  @Test
  void erasureRemovesTheNameFromQuestionsAskedByName() throws Exception {
    String participant = UUID.randomUUID().toString();
    QuestionSubmitted named =
        new QuestionSubmitted(
            UUID.randomUUID(),
            2,
            Instant.now(),
            kz.forumpulse.events.ForumId.of(forumId),
            kz.forumpulse.events.QuestionId.of(UUID.randomUUID().toString()),
            ParticipantId.of(participant),
            "WITH_THE_PEOPLE",
            "Как узнать, что сделано по дорожной карте нашего района?",
            "ru",
            false,
            "Бахыт Жумабаев",
            "KAZTALOV",
            "RURAL_AKIM",
            "PUBLISHED",
            null);
    publish(Topics.QUESTIONS, named);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(
                        get(
                                "/api/forums/{id}/reports/faq/groups/{g}/questions",
                                forumId,
                                named.questionId().value())
                            .param("project", "WITH_THE_PEOPLE")
                            .with(httpBasic("moderator", "test-moderator")))
                    .andExpect(jsonPath("$[0].authorName").value("Бахыт Жумабаев")));

    publish(
        Topics.ATTENDEES,
        new kz.forumpulse.events.ParticipantErased(
            UUID.randomUUID(),
            1,
            Instant.now(),
            named.forumId(),
            ParticipantId.of(participant),
            "ERASED"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(
                        get(
                                "/api/forums/{id}/reports/faq/groups/{g}/questions",
                                forumId,
                                named.questionId().value())
                            .param("project", "WITH_THE_PEOPLE")
                            .with(httpBasic("moderator", "test-moderator")))
                    .andExpect(jsonPath("$[0].questionId").value(named.questionId().value()))
                    .andExpect(jsonPath("$[0].authorName").doesNotExist()));
  }

  private static QuestionSupported supported(QuestionSubmitted q, String participant, int count) {
    return new QuestionSupported(
        UUID.randomUUID(),
        1,
        Instant.now(),
        q.forumId(),
        q.questionId(),
        ParticipantId.of(participant),
        "TASKALA",
        "RURAL_AKIM",
        count);
  }

  private static QuestionSupportWithdrawn withdrawn(
      QuestionSubmitted q, String participant, int count) {
    return new QuestionSupportWithdrawn(
        UUID.randomUUID(),
        1,
        Instant.now(),
        q.forumId(),
        q.questionId(),
        ParticipantId.of(participant),
        "TASKALA",
        "RURAL_AKIM",
        count);
  }
}
