package kz.forumpulse.reporting.questions;

import static kz.forumpulse.reporting.TestEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.QuestionSupported;
import kz.forumpulse.events.Topics;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The report and its exports over HTTP, fed through the live consumer from the topic. */
@ReportingIntegrationTest
class QuestionsReportTest {

  @Autowired MockMvc mvc;

  final QuestionEvents events = new QuestionEvents("qr-" + UUID.randomUUID());

  @BeforeEach
  void publishAForumsQuestions() {
    QuestionSubmitted answered =
        events.submitted(
            "AUYL", "TEREKTI", "RURAL_AKIM", "ru", "PUBLISHED", "2026-03-01T06:00:00Z");
    QuestionSubmitted approved =
        events.submitted(
            "AUYL", "BURLIN", "DEPUTY", "kk", "PENDING_MODERATION", "2026-03-02T06:00:00Z");
    QuestionSubmitted withdrawn =
        events.submitted("ROADS", "TEREKTI", "DEPUTY", "ru", "PUBLISHED", "2026-03-02T07:00:00Z");
    QuestionSubmitted last =
        events.submitted("ROADS", "SYRYM", "RURAL_AKIM", "kk", "PUBLISHED", "2026-03-03T06:00:00Z");
    QuestionSupported firstSupport = events.supported(withdrawn, 1);
    List<QuestionEvent> sequence = new ArrayList<>();
    sequence.add(answered);
    sequence.add(answered); // republished by the relay: same event id, later offset
    sequence.add(approved);
    sequence.add(withdrawn);
    sequence.add(events.approved(approved));
    sequence.add(events.supported(answered, 1));
    sequence.add(events.answered(answered));
    sequence.add(firstSupport);
    sequence.add(events.supported(withdrawn, 2));
    sequence.add(firstSupport); // an older fact again, after a newer one
    sequence.add(events.withdrawn(withdrawn));
    sequence.add(last);
    sequence.forEach(e -> publish(Topics.QUESTIONS, e));
    // One forum's events share a partition: once the last one counts, all before it were applied.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                mvc.perform(report("").param("project", "ROADS").param("district", "SYRYM"))
                    .andExpect(jsonPath("$.total").value(1)));
  }

  @Test
  void crossTabulatesTheForumsQuestions() throws Exception {
    mvc.perform(report(""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.forumId").value(events.forumId))
        .andExpect(jsonPath("$.total").value(4))
        .andExpect(jsonPath("$.answered").value(1))
        .andExpect(jsonPath("$.open").value(2))
        .andExpect(jsonPath("$.supports").value(3))
        .andExpect(jsonPath("$.byStatus.ANSWERED").value(1))
        .andExpect(jsonPath("$.byStatus.APPROVED").value(1))
        .andExpect(jsonPath("$.byStatus.WITHDRAWN").value(1))
        .andExpect(jsonPath("$.byStatus.PUBLISHED").value(1))
        .andExpect(jsonPath("$.byProject.AUYL").value(2))
        .andExpect(jsonPath("$.byDistrict.TEREKTI").value(2))
        .andExpect(jsonPath("$.byRole.DEPUTY").value(2))
        .andExpect(jsonPath("$.byLanguage.kk").value(2))
        .andExpect(jsonPath("$.byDay['2026-03-02'].questions").value(2))
        .andExpect(jsonPath("$.byDay['2026-03-02'].open").value(1))
        .andExpect(jsonPath("$.byDay['2026-03-02'].supports").value(2))
        .andExpect(jsonPath("$.cells.length()").value(4))
        .andExpect(jsonPath("$.cells[0].project").value("AUYL"))
        .andExpect(jsonPath("$.cells[0].district").value("BURLIN"))
        .andExpect(jsonPath("$.cells[0].status").value("APPROVED"));
  }

  @Test
  void filtersNarrowEveryFigure() throws Exception {
    mvc.perform(report("").param("status", "WITHDRAWN"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.supports").value(2));
    mvc.perform(report("").param("from", "2026-03-02").param("to", "2026-03-02"))
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.byDay.length()").value(1));
    mvc.perform(report("").param("project", "AUYL").param("lang", "kk"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.open").value(1));
    mvc.perform(report("").param("district", "TEREKTI").param("role", "RURAL_AKIM"))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.answered").value(1));
  }

  @Test
  void aFilterThatCanNeverMatchIsABadRequest() throws Exception {
    mvc.perform(report("").param("status", "SOMETIMES"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    mvc.perform(report("").param("from", "1 March"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    mvc.perform(report("").param("from", "2026-03-03").param("to", "2026-03-01"))
        .andExpect(status().isBadRequest());
    mvc.perform(report("/export").param("to", "tomorrow"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    mvc.perform(report("/export").param("format", "pdf"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("format"));
  }

  @Test
  void exportsTheCrossTabAsCsv() throws Exception {
    byte[] body =
        mvc.perform(report("/export").param("format", "csv").param("project", "AUYL"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    assertThat(new String(body, StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFFproject,district,role,language,status,questions,supports\r\n"
                + "AUYL,BURLIN,DEPUTY,kk,APPROVED,1,0\r\n"
                + "AUYL,TEREKTI,RURAL_AKIM,ru,ANSWERED,1,1\r\n");
  }

  @Test
  void exportsEveryBreakdownAsXlsxSheets() throws Exception {
    byte[] body =
        mvc.perform(report("/export").param("format", "xlsx"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
      List<String> names = new ArrayList<>();
      workbook.forEach(sheet -> names.add(sheet.getSheetName()));
      assertThat(names)
          .containsExactly(
              "cells", "totals", "project", "district", "role", "language", "status", "day");
      assertThat(workbook.getSheet("cells").getLastRowNum()).isEqualTo(4);
      Sheet totals = workbook.getSheet("totals");
      assertThat(totals.getRow(1).getCell(0).getStringCellValue()).isEqualTo("questions");
      assertThat(totals.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(4);
      assertThat(totals.getRow(4).getCell(0).getStringCellValue()).isEqualTo("supports");
      assertThat(totals.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(3);
      Sheet days = workbook.getSheet("day");
      assertThat(days.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2026-03-01");
      assertThat(days.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1); // answered
    }
  }

  private MockHttpServletRequestBuilder report(String suffix) {
    return get("/api/forums/{forumId}/reports/questions" + suffix, events.forumId)
        .with(httpBasic("analyst", "test-analyst"));
  }
}
