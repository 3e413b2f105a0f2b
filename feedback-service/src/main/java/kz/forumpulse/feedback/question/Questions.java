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
import kz.forumpulse.events.Topics;
import kz.forumpulse.feedback.forum.ForumCatalogue;
import kz.forumpulse.feedback.forum.KnownForum;
import kz.forumpulse.feedback.participant.Participant;
import kz.forumpulse.feedback.participant.ParticipantDirectory;
import kz.forumpulse.support.outbox.OutboxEntry;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Accepts questions: the question and its event are one document, written atomically. */
@Service
class Questions {

  static final int MAX_TEXT_LENGTH = 1000;

  private final MongoTemplate mongo;
  private final ForumCatalogue forums;
  private final ParticipantDirectory participants;
  private final OutboxRelay relay;
  private final Clock clock;

  Questions(
      MongoTemplate mongo,
      ForumCatalogue forums,
      ParticipantDirectory participants,
      OutboxRelay relay,
      Clock clock) {
    this.mongo = mongo;
    this.forums = forums;
    this.participants = participants;
    this.relay = relay;
    this.clock = clock;
  }

  QuestionView submit(String forumId, String accessCode, SubmitQuestionRequest request) {
    Participant participant =
        participants
            .byAccessCode(forumId, accessCode)
            .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "unknownParticipantCode"));
    if (!participant.mayAsk()) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "participantMayNotAsk");
    }
    KnownForum forum =
        forums
            .find(forumId)
            .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "forumNotFound", forumId));
    if (!forum.hasActiveProject(request.project())) {
      throw ApiProblem.forField(
          HttpStatus.BAD_REQUEST, "project", "unknownProject", request.project());
    }
    String text = Normalizer.normalize(request.text(), Normalizer.Form.NFC).strip();
    if (text.isEmpty()) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "text", "emptyText");
    }
    boolean anonymous = Boolean.TRUE.equals(request.anonymous());
    String language = request.language() != null ? request.language() : Languages.detect(text);
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
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
            anonymous ? null : participant.fullName(),
            participant.district(),
            participant.role());
    Question question =
        new Question(
            id,
            forumId,
            participant.id(),
            request.project(),
            text,
            language,
            anonymous,
            "PUBLISHED",
            now,
            List.of(OutboxEntry.of(Topics.QUESTIONS, event)));
    mongo.insert(question);
    relay.wakeUp();
    return QuestionView.of(question);
  }
}
