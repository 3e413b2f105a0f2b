package kz.forumpulse.reporting.faq;

import java.time.Instant;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
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

  /**
   * The most asked questions of a forum, most asked first, with the representative text in the
   * reader's language ({@code Accept-Language}). Filters: project, district, role, period ({@code
   * from}/{@code to}, ISO instants), answered.
   */
  @GetMapping("/api/forums/{forumId}/reports/faq")
  FaqReport faq(
      @PathVariable String forumId,
      @RequestParam(required = false) String project,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      @RequestParam(required = false) Boolean answered,
      @RequestParam(defaultValue = "50") int limit,
      Locale locale) {
    return reports.faq(
        forumId, new FaqFilter(project, district, role, from, to, answered), limit, locale);
  }
}
