package kz.forumpulse.reporting.attendance;

import java.util.Map;

/**
 * Who is coming. {@code total} counts every registration that is not cancelled, declined or
 * erased-and-cancelled; {@code byStatus} shows them all. The check-in rate is checked-in over
 * expected (registered or approved).
 */
record AttendanceReport(
    String forumId,
    long total,
    Map<String, Long> byStatus,
    Map<String, Long> byDistrict,
    Map<String, Long> byRuralDistrict,
    Map<String, Long> byRole,
    Map<String, Long> bySession,
    Map<String, Long> byDay,
    long elected,
    long appointed,
    long partyMembers,
    long checkedIn,
    double checkInRate) {}
