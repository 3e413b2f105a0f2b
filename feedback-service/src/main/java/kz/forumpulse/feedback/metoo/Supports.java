package kz.forumpulse.feedback.metoo;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.forumpulse.events.DomainEvent;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.QuestionId;
import kz.forumpulse.events.QuestionSupportWithdrawn;
import kz.forumpulse.events.QuestionSupported;
import kz.forumpulse.feedback.participant.Participant;
import kz.forumpulse.feedback.participant.ParticipantDirectory;
import kz.forumpulse.feedback.question.QuestionStatus;
import kz.forumpulse.feedback.question.QuestionStore;
import kz.forumpulse.feedback.question.QuestionStore.VoteTarget;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * "Me too": a participant supports a published question of someone else once, and may take it back.
 * The supporter set, the count and the event change in one guarded update of the question document,
 * so the count always equals the number of supporters and every change has its event; repeating a
 * vote or a withdrawal changes nothing and publishes nothing.
 */
@Service
class Supports {

  private static final int MAX_ATTEMPTS = 50;

  private final QuestionStore store;
  private final ParticipantDirectory participants;
  private final Clock clock;

  Supports(QuestionStore store, ParticipantDirectory participants, Clock clock) {
    this.store = store;
    this.participants = participants;
    this.clock = clock;
  }

  SupportView support(String forumId, String questionId, String accessCode) {
    Participant supporter = participants.requireActive(forumId, accessCode);
    // First as this instance last knew the question (no read when it was asked or voted on here):
    // the update is guarded by the revision, so a stale guess only fails and is read again.
    // Only the fields the vote decides on: the supporter list is checked by the database.
    Optional<VoteTarget> guess = store.lastKnownForVote(forumId, questionId);
    VoteTarget question = guess.orElseGet(() -> require(forumId, questionId));
    boolean fresh = guess.isEmpty();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      boolean refused =
          question.status() != QuestionStatus.PUBLISHED
              || question.participantId().equals(supporter.id());
      if (refused && !fresh) {
        // Refused only on what is stored now.
        question = require(forumId, questionId);
        fresh = true;
        continue;
      }
      if (question.status() != QuestionStatus.PUBLISHED) {
        throw new ApiProblem(HttpStatus.CONFLICT, "questionNotOpenForSupport");
      }
      if (question.participantId().equals(supporter.id())) {
        throw new ApiProblem(HttpStatus.CONFLICT, "ownQuestion");
      }
      int count = question.supportCount() + 1;
      if (store.changeIfUnchanged(
          questionId,
          question.revision(),
          Criteria.where("supporters").ne(supporter.id()),
          new Update().addToSet("supporters", supporter.id()).set("supportCount", count),
          null,
          new QuestionSupported(
              UUID.randomUUID(),
              QuestionSupported.VERSION,
              clock.instant(),
              ForumId.of(forumId),
              QuestionId.of(questionId),
              ParticipantId.of(supporter.id()),
              supporter.district(),
              supporter.role(),
              count))) {
        store.remember(forumId, question.changed(count));
        return new SupportView(questionId, true, count);
      }
      if (!fresh) {
        // The guess was stale (or this participant supports it already): read, and try again.
        question = require(forumId, questionId);
        fresh = true;
        continue;
      }
      // Not changed: either this participant supports it already (repeating changes nothing and
      // publishes nothing), or someone changed the question since it was read (read again).
      if (store.isSupportedBy(questionId, supporter.id())) {
        return new SupportView(questionId, true, require(forumId, questionId).supportCount());
      }
      question = require(forumId, questionId);
    }
    throw new ApiProblem(HttpStatus.CONFLICT, "concurrentChange");
  }

  SupportView withdraw(String forumId, String questionId, String accessCode) {
    // Taking support back stays possible after a registration was cancelled.
    Participant supporter = participants.require(forumId, accessCode);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      VoteTarget question = require(forumId, questionId);
      int count = question.supportCount() - 1;
      Instant now = clock.instant();
      DomainEvent event =
          new QuestionSupportWithdrawn(
              UUID.randomUUID(),
              QuestionSupportWithdrawn.VERSION,
              now,
              ForumId.of(forumId),
              QuestionId.of(questionId),
              ParticipantId.of(supporter.id()),
              supporter.district(),
              supporter.role(),
              count);
      if (store.changeIfUnchanged(
          questionId,
          question.revision(),
          Criteria.where("supporters").is(supporter.id()),
          new Update().pull("supporters", supporter.id()).set("supportCount", count),
          null,
          event)) {
        return new SupportView(questionId, false, count);
      }
      // Not changed: either this participant does not support it (nothing to take back), or
      // someone changed the question since it was read (read again).
      if (!store.isSupportedBy(questionId, supporter.id())) {
        return new SupportView(questionId, false, require(forumId, questionId).supportCount());
      }
    }
    throw new ApiProblem(HttpStatus.CONFLICT, "concurrentChange");
  }

  private VoteTarget require(String forumId, String questionId) {
    return store
        .findForVote(forumId, questionId)
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "questionNotFound", questionId));
  }

  /** Whether the caller supports the question now, and its count. */
  record SupportView(String questionId, boolean supported, int supportCount) {}
}
