package kz.forumpulse.reporting.faq;

import java.time.Instant;
import java.util.Map;

/**
 * One FAQ entry: a group of near-duplicate questions with its size, the districts and roles that
 * ask it, and a representative text in the reader's language where one exists. Never who asked.
 */
record FaqGroupView(
    String groupId,
    String project,
    String representativeText,
    Map<String, String> representative,
    long count,
    long supporters,
    long answered,
    Map<String, Long> languages,
    Map<String, Long> districts,
    Map<String, Long> roles,
    Instant firstAskedAt,
    Instant lastAskedAt) {}
