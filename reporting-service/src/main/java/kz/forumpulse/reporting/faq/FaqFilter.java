package kz.forumpulse.reporting.faq;

import java.time.Instant;

/** Narrows the FAQ to a project, a district, a role, a period, answered or open groups. */
record FaqFilter(
    String project, String district, String role, Instant from, Instant to, Boolean answered) {}
