package kz.forumpulse.reporting.faq;

import java.time.Instant;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
class FaqReportController {

  private final FaqReports reports;

  FaqReportController(FaqReports reports) {
    this.reports = reports;
  }

  /**
   * The most asked questions of a forum, most asked first, with the representative text in the
   * reader's language ({@code Accept-Language}). Filters: project, district, role, period ({@code
   * from}/{@code to}, ISO instants), answered. The body is a {@link FaqReport}, serialised once per
   * change of the forum's FAQ.
   */
  @GetMapping(
      value = "/api/forums/{forumId}/reports/faq",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> faq(
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
      Locale locale,
      WebRequest request) {
    FaqReports.Json report =
        reports.faqJson(
            forumId, new FaqFilter(project, district, role, from, to, answered), limit, locale);
    // A screen that asks again after a live signal gets 304 if this report did not change.
    if (request.checkNotModified(report.etag())) {
      return null;
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .eTag(report.etag())
        .varyBy(HttpHeaders.ACCEPT_LANGUAGE)
        .body(report.bytes());
  }
}
