package kz.forumpulse.reporting.attendance;

import java.util.Map;

/** Who is coming: totals by status, district and role. */
record AttendanceReport(
    String forumId,
    long total,
    Map<String, Long> byStatus,
    Map<String, Long> byDistrict,
    Map<String, Long> byRole,
    long elected,
    long partyMembers) {}
