package kz.forumpulse.reporting.questions;

import java.util.List;
import java.util.Map;

/**
 * The questions of a forum cross-tabulated. {@code total} counts every question submitted, whatever
 * its status; {@code answered} the answered ones, {@code open} those still waiting for an answer
 * (published, pending moderation or approved). Rejected and withdrawn questions appear only in
 * {@code total}, {@code byStatus} and the cells. {@code supports} is the "me too" count on the
 * questions counted.
 */
record QuestionsReport(
    String forumId,
    long total,
    long answered,
    long open,
    long supports,
    Map<String, Long> byProject,
    Map<String, Long> byDistrict,
    Map<String, Long> byRole,
    Map<String, Long> byLanguage,
    Map<String, Long> byStatus,
    Map<String, Day> byDay,
    List<Cell> cells) {

  /** One submission day. */
  record Day(long questions, long answered, long open, long supports) {}

  /** One combination of project, district, role, language and status, over the period. */
  record Cell(
      String project,
      String district,
      String role,
      String language,
      String status,
      long questions,
      long supports) {}
}
