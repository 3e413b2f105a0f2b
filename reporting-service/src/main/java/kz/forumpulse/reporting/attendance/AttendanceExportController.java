package kz.forumpulse.reporting.attendance;

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
class AttendanceExportController {

  private final AttendanceReports reports;

  AttendanceExportController(AttendanceReports reports) {
    this.reports = reports;
  }

  /**
   * The attendance report as CSV (one table: breakdown, value, count) or XLSX (one sheet per
   * breakdown).
   */
  @GetMapping("/api/forums/{forumId}/reports/attendance/export")
  ResponseEntity<byte[]> export(
      @PathVariable String forumId,
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String status) {
    AttendanceReport report =
        reports.attendance(forumId, new AttendanceFilter(district, role, status));
    Map<String, Map<String, Long>> breakdowns = new java.util.LinkedHashMap<>();
    breakdowns.put("status", report.byStatus());
    breakdowns.put("district", report.byDistrict());
    breakdowns.put("rural_district", report.byRuralDistrict());
    breakdowns.put("role", report.byRole());
    breakdowns.put("session", report.bySession());
    breakdowns.put("day", report.byDay());
    breakdowns.put(
        "totals",
        Map.of(
            "total", report.total(),
            "elected", report.elected(),
            "appointed", report.appointed(),
            "party_members", report.partyMembers(),
            "checked_in", report.checkedIn()));
    List<List<Object>> all = new ArrayList<>();
    List<Table> sheets = new ArrayList<>();
    breakdowns.forEach(
        (name, counts) -> {
          List<List<Object>> rows = new ArrayList<>();
          counts.forEach((key, n) -> rows.add(List.of(name, key, n)));
          all.addAll(rows);
          sheets.add(new Table(name, List.of("breakdown", "value", "count"), rows));
        });
    List<Table> tables = new ArrayList<>();
    tables.add(new Table("attendance", List.of("breakdown", "value", "count"), all));
    if ("xlsx".equalsIgnoreCase(format)) {
      tables = sheets;
    }
    return Download.of("attendance-" + forumId, format, tables);
  }
}
