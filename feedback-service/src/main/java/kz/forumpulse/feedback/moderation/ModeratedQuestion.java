package kz.forumpulse.feedback.moderation;

import java.time.Instant;
import java.util.List;
import kz.forumpulse.feedback.question.Question;
import kz.forumpulse.feedback.question.QuestionStatus;

/**
 * A question as moderators see it: with its original text and full history. Anonymous questions
 * stay anonymous here too (their author's name is never stored).
 */
record ModeratedQuestion(
    String id,
    String project,
    String sessionId,
    String text,
    String originalText,
    String language,
    boolean anonymous,
    String authorName,
    String district,
    String role,
    QuestionStatus status,
    String statusReason,
    Instant submittedAt,
    int supportCount,
    Question.Answer answer,
    List<Question.Action> actions) {

  static ModeratedQuestion of(Question q) {
    return new ModeratedQuestion(
        q.id(),
        q.project(),
        q.sessionId(),
        q.text(),
        q.originalText(),
        q.language(),
        q.anonymous(),
        q.authorName(),
        q.district(),
        q.role(),
        q.status(),
        q.statusReason(),
        q.submittedAt(),
        q.supportCount(),
        q.answer(),
        q.actions());
  }
}
