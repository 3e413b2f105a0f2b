package kz.forumpulse.feedback.question;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.QuestionId;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.QuestionWithdrawn;
import kz.forumpulse.events.Topics;
import kz.forumpulse.feedback.forum.ForumCatalogue;
import kz.forumpulse.feedback.forum.KnownForum;
import kz.forumpulse.feedback.participant.Participant;
import kz.forumpulse.feedback.participant.ParticipantDirectory;
import kz.forumpulse.support.outbox.OutboxEntry;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Accepts questions: the question and its event are one document, written atomically. */
@Service
class Questions {

  static final int MAX_TEXT_LENGTH = 1000;
  private static final int MAX_OWN_QUESTIONS = 200;
  private static final int MAX_ATTEMPTS = 10;

  /** "Who" in the history and events when the author acts (staff actions name the account). */
  static final String BY_AUTHOR = "author";

  private final QuestionStore store;
  private final ForumCatalogue forums;
  private final ParticipantDirectory participants;
  private final FloodLimit floodLimit;
  private final Clock clock;

  Questions(
      QuestionStore store,
      ForumCatalogue forums,
      ParticipantDirectory participants,
      FloodLimit floodLimit,
      Clock clock) {
    this.store = store;
    this.forums = forums;
    this.participants = participants;
    this.floodLimit = floodLimit;
    this.clock = clock;
  }

  QuestionView submit(String forumId, String accessCode, SubmitQuestionRequest request) {
    KnownForum forum = forums.requireForParticipant(forumId);
    if (!forum.acceptsQuestions()) {
      throw new ApiProblem(HttpStatus.CONFLICT, "questionsClosed");
    }
    String text;
    try {
      text = validText(forum, request);
    } catch (ApiProblem invalid) {
      // An unknown code is reported before what is wrong with the question, as it always was.
      participants.requireActive(forumId, accessCode);
      throw invalid;
    }
    boolean anonymous = Boolean.TRUE.equals(request.anonymous());
    String language = request.language() != null ? request.language() : Languages.detect(text);
    QuestionStatus status =
        forum.preModerated() ? QuestionStatus.PENDING_MODERATION : QuestionStatus.PUBLISHED;
    // Finds the participant and counts the question in one round trip; last, so a refused
    // question does not use up the participant's allowance.
    Participant participant = floodLimit.acquire(forumId, accessCode);

    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    String authorName = anonymous ? null : participant.fullName();
    QuestionSubmitted event =
        new QuestionSubmitted(
            UUID.randomUUID(),
            QuestionSubmitted.VERSION,
            now,
            ForumId.of(forumId),
            QuestionId.of(id),
            ParticipantId.of(participant.id()),
            request.project(),
            text,
            language,
            anonymous,
            authorName,
            participant.district(),
            participant.role(),
            status.name(),
            request.sessionId());
    Question question =
        new Question(
            id,
            forumId,
            participant.id(),
            authorName,
            participant.district(),
            participant.role(),
            request.project(),
            request.sessionId(),
            text,
            text,
            language,
            anonymous,
            status,
            null,
            now,
            null,
            List.of(),
            0,
            0,
            List.of(new Question.Action("SUBMITTED", BY_AUTHOR, now, null, null)),
            List.of(OutboxEntry.of(Topics.QUESTIONS, event)));
    store.insert(question);
    return QuestionView.of(question);
  }

  /**
   * The author takes their question back (off the wall for good). Possible whatever the question's
   * or the registration's status; repeating it changes nothing. Someone else's question is reported
   * as not found, so ids of others' pending questions are not confirmed.
   */
  QuestionView withdrawOwn(String forumId, String accessCode, String questionId) {
    Participant participant = participants.require(forumId, accessCode);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Question question =
          store
              .find(forumId, questionId)
              .filter(q -> q.participantId().equals(participant.id()))
              .orElseThrow(
                  () -> new ApiProblem(HttpStatus.NOT_FOUND, "questionNotFound", questionId));
      if (question.status() == QuestionStatus.WITHDRAWN) {
        return QuestionView.of(question);
      }
      Instant now = clock.instant();
      boolean changed =
          store.changeIfUnchanged(
              question,
              null,
              new Update().set("status", QuestionStatus.WITHDRAWN).set("statusReason", BY_AUTHOR),
              new Question.Action("WITHDRAWN", BY_AUTHOR, now, null, null),
              new QuestionWithdrawn(
                  UUID.randomUUID(),
                  QuestionWithdrawn.VERSION,
                  now,
                  ForumId.of(forumId),
                  QuestionId.of(questionId),
                  BY_AUTHOR,
                  null));
      if (changed) {
        return QuestionView.of(store.require(forumId, questionId));
      }
    }
    throw new ApiProblem(HttpStatus.CONFLICT, "concurrentChange");
  }

  /** The participant's own questions, newest first, whatever their status. */
  List<QuestionView> mine(String forumId, String accessCode) {
    forums.requireForParticipant(forumId);
    Participant participant = participants.require(forumId, accessCode);
    return store
        .page(
            Criteria.where("forumId").is(forumId).and("participantId").is(participant.id()),
            Sort.by(Sort.Direction.DESC, "submittedAt"),
            0,
            MAX_OWN_QUESTIONS)
        .stream()
        .map(QuestionView::of)
        .toList();
  }

  /** The question's text, once its project and session are known to be the forum's. */
  private static String validText(KnownForum forum, SubmitQuestionRequest request) {
    if (!forum.hasActiveProject(request.project())) {
      throw ApiProblem.forField(
          HttpStatus.BAD_REQUEST, "project", "unknownProject", request.project());
    }
    if (!forum.hasSession(request.sessionId())) {
      throw ApiProblem.forField(
          HttpStatus.BAD_REQUEST, "sessionId", "unknownSession", request.sessionId());
    }
    return plainText(request.text());
  }

  /**
   * The text as typed, Unicode-normalised (NFC) so the same words typed on different keyboards
   * compare equal. Nothing is escaped or stripped: it is plain text, and whoever displays it must
   * display it as text.
   */
  static String plainText(String typed) {
    String text = Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFC).strip();
    if (text.isEmpty()) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "text", "emptyText");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "text", "textTooLong", MAX_TEXT_LENGTH);
    }
    return text;
  }
}
