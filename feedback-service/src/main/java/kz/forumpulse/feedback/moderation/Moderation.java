package kz.forumpulse.feedback.moderation;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import kz.forumpulse.events.DomainEvent;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.QuestionAnswered;
import kz.forumpulse.events.QuestionApproved;
import kz.forumpulse.events.QuestionEdited;
import kz.forumpulse.events.QuestionId;
import kz.forumpulse.events.QuestionRejected;
import kz.forumpulse.events.QuestionWithdrawn;
import kz.forumpulse.feedback.forum.ForumCatalogue;
import kz.forumpulse.feedback.forum.KnownForum;
import kz.forumpulse.feedback.forum.ModerationMode;
import kz.forumpulse.feedback.question.Question;
import kz.forumpulse.feedback.question.QuestionStatus;
import kz.forumpulse.feedback.question.QuestionStore;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What moderators do to questions. Each action is a state transition written in one guarded update
 * of the question document together with its history entry (who, when, why) and its event. Asking
 * for the state a question is already in changes nothing and publishes nothing, so a double click
 * is harmless; a transition that makes no sense (approving a withdrawn question) is a 409.
 */
@Service
class Moderation {

  private static final int MAX_ATTEMPTS = 10;
  static final int MAX_PAGE_SIZE = 100;

  private final QuestionStore store;
  private final ForumCatalogue forums;
  private final Clock clock;

  Moderation(QuestionStore store, ForumCatalogue forums, Clock clock) {
    this.store = store;
    this.forums = forums;
    this.clock = clock;
  }

  KnownForum settings(String forumId) {
    return forums.require(forumId);
  }

  KnownForum updateSettings(String forumId, ModerationMode mode, Boolean questionsOpen) {
    return forums.updateSettings(forumId, mode, questionsOpen);
  }

  /** The queue: questions of a status (all statuses when null), oldest first. */
  List<ModeratedQuestion> queue(String forumId, QuestionStatus status, int page, int size) {
    forums.require(forumId);
    Criteria criteria = Criteria.where("forumId").is(forumId);
    if (status != null) {
      criteria = criteria.and("status").is(status);
    }
    return store
        .page(
            criteria,
            Sort.by(Sort.Direction.ASC, "submittedAt"),
            Math.max(page, 0),
            Math.min(Math.max(size, 1), MAX_PAGE_SIZE))
        .stream()
        .map(ModeratedQuestion::of)
        .toList();
  }

  ModeratedQuestion approve(String forumId, String questionId, String moderator) {
    return act(
        forumId,
        questionId,
        q -> {
          if (q.status() == QuestionStatus.PUBLISHED) {
            return null;
          }
          require(q, EnumSet.of(QuestionStatus.PENDING_MODERATION, QuestionStatus.REJECTED));
          Instant now = clock.instant();
          return new Step(
              new Update().set("status", QuestionStatus.PUBLISHED).unset("statusReason"),
              new Question.Action("APPROVED", moderator, now, null, null),
              new QuestionApproved(
                  UUID.randomUUID(),
                  QuestionApproved.VERSION,
                  now,
                  ForumId.of(forumId),
                  QuestionId.of(questionId),
                  moderator));
        });
  }

  ModeratedQuestion reject(String forumId, String questionId, String moderator, String reason) {
    return act(
        forumId,
        questionId,
        q -> {
          if (q.status() == QuestionStatus.REJECTED) {
            return null;
          }
          require(q, EnumSet.of(QuestionStatus.PENDING_MODERATION, QuestionStatus.PUBLISHED));
          Instant now = clock.instant();
          return new Step(
              new Update().set("status", QuestionStatus.REJECTED).set("statusReason", reason),
              new Question.Action("REJECTED", moderator, now, reason, null),
              new QuestionRejected(
                  UUID.randomUUID(),
                  QuestionRejected.VERSION,
                  now,
                  ForumId.of(forumId),
                  QuestionId.of(questionId),
                  moderator,
                  reason));
        });
  }

  /** Fixes the text (typos); the text as submitted stays in {@code originalText}. */
  ModeratedQuestion edit(
      String forumId, String questionId, String moderator, String typed, String reason) {
    String text = Normalizer.normalize(typed, Normalizer.Form.NFC).strip();
    return act(
        forumId,
        questionId,
        q -> {
          if (q.text().equals(text)) {
            return null;
          }
          require(
              q,
              EnumSet.of(
                  QuestionStatus.PENDING_MODERATION,
                  QuestionStatus.PUBLISHED,
                  QuestionStatus.REJECTED));
          Instant now = clock.instant();
          return new Step(
              new Update().set("text", text),
              new Question.Action("EDITED", moderator, now, reason, q.text()),
              new QuestionEdited(
                  UUID.randomUUID(),
                  QuestionEdited.VERSION,
                  now,
                  ForumId.of(forumId),
                  QuestionId.of(questionId),
                  text,
                  q.text(),
                  q.language(),
                  moderator,
                  reason));
        });
  }

  /** Records the answer; answering again replaces it (and is a new event). */
  ModeratedQuestion answer(String forumId, String questionId, String moderator, String typed) {
    String answer = Normalizer.normalize(typed, Normalizer.Form.NFC).strip();
    return act(
        forumId,
        questionId,
        q -> {
          if (q.answer() != null && q.answer().text().equals(answer)) {
            return null;
          }
          require(q, EnumSet.of(QuestionStatus.PUBLISHED));
          Instant now = clock.instant();
          return new Step(
              new Update().set("answer", new Question.Answer(answer, moderator, now)),
              new Question.Action("ANSWERED", moderator, now, null, null),
              new QuestionAnswered(
                  UUID.randomUUID(),
                  QuestionAnswered.VERSION,
                  now,
                  ForumId.of(forumId),
                  QuestionId.of(questionId),
                  answer,
                  moderator));
        });
  }

  ModeratedQuestion withdraw(String forumId, String questionId, String moderator, String reason) {
    return act(
        forumId,
        questionId,
        q -> {
          if (q.status() == QuestionStatus.WITHDRAWN) {
            return null;
          }
          Instant now = clock.instant();
          return new Step(
              new Update().set("status", QuestionStatus.WITHDRAWN).set("statusReason", reason),
              new Question.Action("WITHDRAWN", moderator, now, reason, null),
              new QuestionWithdrawn(
                  UUID.randomUUID(),
                  QuestionWithdrawn.VERSION,
                  now,
                  ForumId.of(forumId),
                  QuestionId.of(questionId),
                  moderator,
                  reason));
        });
  }

  /** A planned change: the update, its history entry and its event. */
  private record Step(Update update, Question.Action action, DomainEvent event) {}

  private ModeratedQuestion act(String forumId, String questionId, Function<Question, Step> plan) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Question question = store.require(forumId, questionId);
      Step step = plan.apply(question);
      if (step == null) {
        return ModeratedQuestion.of(question);
      }
      if (store.changeIfUnchanged(question, null, step.update(), step.action(), step.event())) {
        return ModeratedQuestion.of(store.require(forumId, questionId));
      }
    }
    throw new ApiProblem(HttpStatus.CONFLICT, "concurrentChange");
  }

  private static void require(Question question, Set<QuestionStatus> allowed) {
    if (!allowed.contains(question.status())) {
      throw new ApiProblem(HttpStatus.CONFLICT, "invalidTransition", question.status());
    }
  }
}
