package kz.forumpulse.reporting.attendance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AttendanceReportController {

  private final AttendanceReports reports;

  AttendanceReportController(AttendanceReports reports) {
    this.reports = reports;
  }

  /** Who is coming: totals by status, district and role. */
  @GetMapping("/api/forums/{forumId}/reports/attendance")
  AttendanceReport attendance(@PathVariable String forumId) {
    return reports.attendance(forumId);
  }
}
