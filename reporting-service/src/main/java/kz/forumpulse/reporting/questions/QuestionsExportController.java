package kz.forumpulse.reporting.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.forumpulse.reporting.export.Download;
import kz.forumpulse.reporting.export.Table;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QuestionsExportController {

  private static final List<String> CELL_HEADERS =
      List.of("project", "district", "role", "language", "status", "questions", "supports");

  private final QuestionsReports reports;

  QuestionsExportController(QuestionsReports reports) {
    this.reports = reports;
  }

  /**
   * The questions report with the same filters. CSV is the cross-tab, one row per project,
   * district, role, language and status, ready for a pivot table; XLSX adds a sheet of totals, one
   * per breakdown and one per day.
   */
  @GetMapping("/api/forums/{forumId}/reports/questions/export")
  ResponseEntity<byte[]> export(
      @PathVariable String forumId,
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) String project,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String lang,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    QuestionsReport report =
        reports.questions(
            forumId, QuestionsFilter.of(project, district, role, lang, status, from, to));
    List<List<Object>> cells = new ArrayList<>();
    for (QuestionsReport.Cell c : report.cells()) {
      cells.add(
          List.of(
              c.project(),
              c.district(),
              c.role(),
              c.language(),
              c.status(),
              c.questions(),
              c.supports()));
    }
    List<Table> tables = new ArrayList<>();
    tables.add(new Table("cells", CELL_HEADERS, cells));
    if ("xlsx".equalsIgnoreCase(format)) {
      tables.add(
          new Table(
              "totals",
              List.of("measure", "value"),
              List.of(
                  List.of("questions", report.total()),
                  List.of("answered", report.answered()),
                  List.of("open", report.open()),
                  List.of("supports", report.supports()))));
      tables.add(breakdown("project", report.byProject()));
      tables.add(breakdown("district", report.byDistrict()));
      tables.add(breakdown("role", report.byRole()));
      tables.add(breakdown("language", report.byLanguage()));
      tables.add(breakdown("status", report.byStatus()));
      List<List<Object>> days = new ArrayList<>();
      report
          .byDay()
          .forEach(
              (day, d) ->
                  days.add(List.of(day, d.questions(), d.answered(), d.open(), d.supports())));
      tables.add(
          new Table("day", List.of("day", "questions", "answered", "open", "supports"), days));
    }
    return Download.of("questions-" + forumId, format, tables);
  }

  private static Table breakdown(String name, Map<String, Long> counts) {
    List<List<Object>> rows = new ArrayList<>();
    counts.forEach((value, n) -> rows.add(List.of(value, n)));
    return new Table(name, List.of(name, "questions"), rows);
  }
}
