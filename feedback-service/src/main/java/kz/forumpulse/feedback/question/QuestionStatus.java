package kz.forumpulse.feedback.question;

/**
 * Where a question stands. Only {@code PUBLISHED} questions are on the public wall (answered ones
 * too: an answer does not change the status).
 */
public enum QuestionStatus {
  PENDING_MODERATION,
  PUBLISHED,
  REJECTED,
  WITHDRAWN
}
