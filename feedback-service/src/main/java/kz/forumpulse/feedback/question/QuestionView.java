package kz.forumpulse.feedback.question;

import java.time.Instant;

/**
 * A question as its author sees it: status, the reason of a rejection or withdrawal, the answer.
 * {@code text} is plain text; clients must render it as text, never as HTML.
 */
record QuestionView(
    String id,
    String forumId,
    String project,
    String sessionId,
    String text,
    String language,
    boolean anonymous,
    QuestionStatus status,
    String statusReason,
    Instant submittedAt,
    int supportCount,
    Question.Answer answer) {

  static QuestionView of(Question q) {
    return new QuestionView(
        q.id(),
        q.forumId(),
        q.project(),
        q.sessionId(),
        q.text(),
        q.language(),
        q.anonymous(),
        q.status(),
        q.statusReason(),
        q.submittedAt(),
        q.supportCount(),
        q.answer());
  }
}
