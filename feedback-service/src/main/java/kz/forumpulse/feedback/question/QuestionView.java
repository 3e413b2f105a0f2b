package kz.forumpulse.feedback.question;

import java.time.Instant;

record QuestionView(
    String id,
    String forumId,
    String project,
    String text,
    String language,
    boolean anonymous,
    String status,
    Instant submittedAt) {

  static QuestionView of(Question q) {
    return new QuestionView(
        q.id(),
        q.forumId(),
        q.project(),
        q.text(),
        q.language(),
        q.anonymous(),
        q.status(),
        q.submittedAt());
  }
}
