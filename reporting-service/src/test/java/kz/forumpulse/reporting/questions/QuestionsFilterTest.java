package kz.forumpulse.reporting.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import kz.forumpulse.support.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class QuestionsFilterTest {

  @Test
  void readsEveryFilterAndTreatsBlankAsAbsent() {
    QuestionsFilter filter =
        QuestionsFilter.of("AUYL", " ", "RURAL_AKIM", "kk", "answered", "2026-03-01", "2026-03-02");

    assertThat(filter)
        .isEqualTo(
            new QuestionsFilter(
                "AUYL",
                null,
                "RURAL_AKIM",
                "kk",
                "ANSWERED",
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 2)));
  }

  @Test
  void rejectsAStatusNoQuestionCanHave() {
    assertInvalid("status", () -> QuestionsFilter.of(null, null, null, null, "OPEN", null, null));
  }

  @Test
  void rejectsDatesThatAreNotIsoDays() {
    assertInvalid(
        "from", () -> QuestionsFilter.of(null, null, null, null, null, "01.03.2026", null));
    assertInvalid("to", () -> QuestionsFilter.of(null, null, null, null, null, null, "2026-02-30"));
  }

  @Test
  void rejectsAPeriodThatEndsBeforeItStarts() {
    assertInvalid(
        "from", () -> QuestionsFilter.of(null, null, null, null, null, "2026-03-02", "2026-03-01"));
  }

  @Test
  void rejectsOverlongValues() {
    assertInvalid(
        "project", () -> QuestionsFilter.of("x".repeat(201), null, null, null, null, null, null));
  }

  private static void assertInvalid(String field, Runnable read) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(p.field()).isEqualTo(field);
            });
  }
}
