package kz.forumpulse.reporting.faq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import kz.forumpulse.reporting.export.Download;
import kz.forumpulse.reporting.export.Table;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FaqExportController {

  private final FaqReports reports;

  FaqExportController(FaqReports reports) {
    this.reports = reports;
  }

  /** The FAQ as CSV or XLSX, most asked first, with the same filters as the report. */
  @GetMapping("/api/forums/{forumId}/reports/faq/export")
  ResponseEntity<byte[]> export(
      @PathVariable String forumId,
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) String project,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      @RequestParam(required = false) Boolean answered,
      Locale locale) {
    FaqReport report =
        reports.faq(
            forumId,
            new FaqFilter(project, district, role, from, to, answered),
            FaqReports.MAX_LIMIT,
            locale);
    List<List<Object>> rows = new ArrayList<>();
    int rank = 1;
    for (FaqGroupView group : report.groups()) {
      rows.add(
          List.of(
              rank++,
              group.project(),
              group.representativeText() == null ? "" : group.representativeText(),
              group.count(),
              group.supporters(),
              group.answered(),
              joined(group.languages()),
              joined(group.districts()),
              joined(group.roles()),
              String.valueOf(group.firstAskedAt()),
              String.valueOf(group.lastAskedAt())));
    }
    Table table =
        new Table(
            "faq",
            List.of(
                "rank",
                "project",
                "question",
                "asked",
                "supporters",
                "answered",
                "languages",
                "districts",
                "roles",
                "first_asked",
                "last_asked"),
            rows);
    return Download.of("faq-" + forumId, format, List.of(table));
  }

  private static String joined(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
