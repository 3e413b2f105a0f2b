package kz.forumpulse.reporting.attendance;

/** Narrows the attendance report to a district, a role or a status. */
record AttendanceFilter(String district, String role, String status) {}
