package kz.forumpulse.reporting.questions;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QuestionsReportController {

  private final QuestionsReports reports;

  QuestionsReportController(QuestionsReports reports) {
    this.reports = reports;
  }

  /**
   * Questions by project, district, role, language, status and day of submission, with support
   * counts and answered against open. Filters: project, district, role, lang, status, and the
   * submission days {@code from}/{@code to} (ISO dates, inclusive).
   */
  @GetMapping("/api/forums/{forumId}/reports/questions")
  QuestionsReport questions(
      @PathVariable String forumId,
      @RequestParam(required = false) String project,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return reports.questions(
        forumId, QuestionsFilter.of(project, district, role, lang, status, from, to));
  }
}
