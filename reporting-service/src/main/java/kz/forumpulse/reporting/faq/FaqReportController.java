package kz.forumpulse.reporting.faq;

import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FaqReportController {

  private final FaqReports reports;

  FaqReportController(FaqReports reports) {
    this.reports = reports;
  }

  /** The most asked questions of a forum (optionally one project), in the reader's language. */
  @GetMapping("/api/forums/{forumId}/reports/faq")
  FaqReport faq(
      @PathVariable String forumId,
      @RequestParam(required = false) String project,
      @RequestParam(defaultValue = "50") int limit,
      Locale locale) {
    return reports.faq(forumId, project, limit, locale);
  }
}
