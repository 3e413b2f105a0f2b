package kz.forumpulse.reporting.questions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Narrows the questions report to a project, district, role, language, status and a period of
 * submission days ({@code from} and {@code to} inclusive, UTC days).
 */
record QuestionsFilter(
    String project,
    String district,
    String role,
    String language,
    String status,
    LocalDate from,
    LocalDate to) {

  /** Every status a question can have. */
  static final Set<String> STATUSES =
      Set.of("PUBLISHED", "PENDING_MODERATION", "APPROVED", "REJECTED", "ANSWERED", "WITHDRAWN");

  private static final int MAX_LENGTH = 200;

  /** Reads the request parameters; a value that can never match is a 400, not an empty report. */
  static QuestionsFilter of(
      String project,
      String district,
      String role,
      String language,
      String status,
      String from,
      String to) {
    String s = text("status", status);
    if (s != null) {
      s = s.toUpperCase(Locale.ROOT);
      if (!STATUSES.contains(s)) {
        throw invalid("status", status);
      }
    }
    LocalDate fromDay = day("from", from);
    LocalDate toDay = day("to", to);
    if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
      throw invalid("from", from);
    }
    return new QuestionsFilter(
        text("project", project),
        text("district", district),
        text("role", role),
        text("lang", language),
        s,
        fromDay,
        toDay);
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_LENGTH) {
      throw invalid(field, value);
    }
    return value.strip();
  }

  private static LocalDate day(String field, String value) {
    String text = text(field, value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(field, value);
    }
  }

  private static ApiProblem invalid(String field, String value) {
    // "validation" has a message in every language the services speak.
    return ApiProblem.forField(HttpStatus.BAD_REQUEST, field, "validation").with("value", value);
  }
}
