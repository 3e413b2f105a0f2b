package kz.forumpulse.reporting.questions;

import java.time.Instant;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.QuestionAnswered;
import kz.forumpulse.events.QuestionApproved;
import kz.forumpulse.events.QuestionEdited;
import kz.forumpulse.events.QuestionId;
import kz.forumpulse.events.QuestionRejected;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.QuestionSupportWithdrawn;
import kz.forumpulse.events.QuestionSupported;
import kz.forumpulse.events.QuestionWithdrawn;

/** One forum's question events, as feedback-service would publish them. */
final class QuestionEvents {

  final String forumId;

  QuestionEvents(String forumId) {
    this.forumId = forumId;
  }

  QuestionSubmitted submitted(
      String project, String district, String role, String lang, String status, String at) {
    return new QuestionSubmitted(
        UUID.randomUUID(),
        QuestionSubmitted.VERSION,
        Instant.parse(at),
        ForumId.of(forumId),
        QuestionId.of(UUID.randomUUID().toString()),
        ParticipantId.of(UUID.randomUUID().toString()),
        project,
        "Вопрос " + UUID.randomUUID(),
        lang,
        true,
        null,
        district,
        role,
        status,
        null);
  }

  QuestionApproved approved(QuestionSubmitted q) {
    return new QuestionApproved(UUID.randomUUID(), 1, Instant.now(), forum(), q.questionId(), "m");
  }

  QuestionRejected rejected(QuestionSubmitted q) {
    return new QuestionRejected(
        UUID.randomUUID(), 1, Instant.now(), forum(), q.questionId(), "m", "off topic");
  }

  QuestionAnswered answered(QuestionSubmitted q) {
    return new QuestionAnswered(
        UUID.randomUUID(), 1, Instant.now(), forum(), q.questionId(), "Ответ", "speaker");
  }

  QuestionWithdrawn withdrawn(QuestionSubmitted q) {
    return new QuestionWithdrawn(
        UUID.randomUUID(), 1, Instant.now(), forum(), q.questionId(), "m", "duplicate");
  }

  QuestionEdited edited(QuestionSubmitted q) {
    return new QuestionEdited(
        UUID.randomUUID(),
        1,
        Instant.now(),
        forum(),
        q.questionId(),
        "new",
        q.text(),
        "ru",
        "m",
        "typo");
  }

  QuestionSupported supported(QuestionSubmitted q, int supportCount) {
    return new QuestionSupported(
        UUID.randomUUID(),
        1,
        Instant.now(),
        forum(),
        q.questionId(),
        ParticipantId.of(UUID.randomUUID().toString()),
        "TEREKTI",
        "RURAL_AKIM",
        supportCount);
  }

  QuestionSupportWithdrawn supportWithdrawn(QuestionSubmitted q, int supportCount) {
    return new QuestionSupportWithdrawn(
        UUID.randomUUID(),
        1,
        Instant.now(),
        forum(),
        q.questionId(),
        ParticipantId.of(UUID.randomUUID().toString()),
        "TEREKTI",
        "RURAL_AKIM",
        supportCount);
  }

  private ForumId forum() {
    return ForumId.of(forumId);
  }
}
