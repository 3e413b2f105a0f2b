package kz.forumpulse.reporting.attendance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AttendanceReportController {

  private final AttendanceReports reports;

  AttendanceReportController(AttendanceReports reports) {
    this.reports = reports;
  }

  /** Who is coming: totals by status, district, rural district, role, session and day. */
  @GetMapping("/api/forums/{forumId}/reports/attendance")
  AttendanceReport attendance(
      @PathVariable String forumId,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String status) {
    return reports.attendance(forumId, new AttendanceFilter(district, role, status));
  }
}
