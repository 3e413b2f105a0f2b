package kz.forumpulse.feedback.question;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.forumpulse.events.DomainEvent;
import kz.forumpulse.events.Topics;
import kz.forumpulse.feedback.participant.ParticipantForgotten;
import kz.forumpulse.support.cache.LeastRecentlyUsed;
import kz.forumpulse.support.outbox.OutboxEntry;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one way features change a stored question: each change is a single-document update guarded by
 * the revision the caller read, carrying the question event in the document's outbox. Support,
 * moderation and the wall use this instead of writing the collection themselves.
 */
@Component
public class QuestionStore {

  /** Bound of {@link #lastKnown}: far above the questions of a forum day. */
  static final int LAST_KNOWN_MAX = 50_000;

  private final MongoTemplate mongo;
  private final OutboxRelay relay;

  /**
   * What a vote needs of the questions this instance wrote or read lately, by question id: the
   * revision to guard the next vote with. Only a guess, so a vote on a question asked or voted on
   * through this instance needs no read first; the vote's update is guarded by the revision, so a
   * stale guess costs a failed update and a read, never a wrong count (see {@link
   * #lastKnownForVote}). Bounded, the questions least recently asked, voted on or read for a vote
   * first out: those a vote is least likely to come back to.
   */
  private final Map<String, Known> lastKnown = LeastRecentlyUsed.map(LAST_KNOWN_MAX);

  private record Known(String forumId, VoteTarget target) {}

  QuestionStore(MongoTemplate mongo, OutboxRelay relay) {
    this.mongo = mongo;
    this.relay = relay;
    var index = mongo.indexOps(Question.class);
    index.createIndex(
        new Index()
            .on("forumId", Sort.Direction.ASC)
            .on("status", Sort.Direction.ASC)
            .on("supportCount", Sort.Direction.DESC));
    index.createIndex(
        new Index().on("forumId", Sort.Direction.ASC).on("participantId", Sort.Direction.ASC));
  }

  /** The question of this forum, or a 404 problem. */
  public Question require(String forumId, String questionId) {
    return find(forumId, questionId)
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "questionNotFound", questionId));
  }

  public Optional<Question> find(String forumId, String questionId) {
    return Optional.ofNullable(
        mongo.findOne(
            Query.query(Criteria.where("_id").is(questionId).and("forumId").is(forumId)),
            Question.class));
  }

  /**
   * What a vote needs of a question of this forum, without its supporter list, history and outbox:
   * those grow with the question's popularity, and a vote would otherwise read them all. Empty when
   * there is no such question.
   */
  public Optional<VoteTarget> findForVote(String forumId, String questionId) {
    Query query = Query.query(Criteria.where("_id").is(questionId).and("forumId").is(forumId));
    query.fields().include("participantId", "status", "supportCount", "revision");
    VoteTarget found = mongo.findOne(query, VoteTarget.class, Question.COLLECTION);
    if (found != null) {
      remember(forumId, found);
    }
    return Optional.ofNullable(found);
  }

  /**
   * The question of this forum as this instance last wrote or read it, if it did. May be stale: use
   * it only for an update guarded by its revision, and decide a refusal only on {@link
   * #findForVote}.
   */
  public Optional<VoteTarget> lastKnownForVote(String forumId, String questionId) {
    Known known = lastKnown.get(questionId);
    return known != null && known.forumId().equals(forumId)
        ? Optional.of(known.target())
        : Optional.empty();
  }

  /** Notes the state a vote of this instance just wrote (see {@link #lastKnownForVote}). */
  public void remember(String forumId, VoteTarget target) {
    lastKnown.put(target.id(), new Known(forumId, target));
  }

  /** Whether the participant is among the question's supporters (matched in the database). */
  public boolean isSupportedBy(String questionId, String participantId) {
    return mongo.exists(
        Query.query(Criteria.where("_id").is(questionId).and("supporters").is(participantId)),
        Question.COLLECTION);
  }

  /** The fields of a question a vote decides on (see {@link #findForVote}). */
  public record VoteTarget(
      String id, String participantId, QuestionStatus status, int supportCount, long revision) {

    /** This question after one guarded change that set its count to {@code count}. */
    public VoteTarget changed(int count) {
      return new VoteTarget(id, participantId, status, count, revision + 1);
    }
  }

  /**
   * Applies {@code update} and queues {@code event} if the question is still at the revision {@code
   * read} was taken at (and matches {@code extra}, if given).
   *
   * @return false when someone else changed the question first: read again and retry
   */
  public boolean changeIfUnchanged(
      Question read, Criteria extra, Update update, Question.Action action, DomainEvent event) {
    return changeIfUnchanged(read.id(), read.revision(), extra, update, action, event);
  }

  /** {@link #changeIfUnchanged(Question, Criteria, Update, Question.Action, DomainEvent)} by id. */
  public boolean changeIfUnchanged(
      String id,
      long revision,
      Criteria extra,
      Update update,
      Question.Action action,
      DomainEvent event) {
    Criteria criteria = Criteria.where("_id").is(id).and("revision").is(revision);
    if (extra != null) {
      criteria = new Criteria().andOperator(criteria, extra);
    }
    update.inc("revision", 1).push("outbox", OutboxEntry.of(Topics.QUESTIONS, event));
    if (action != null) {
      update.push("actions", action);
    }
    // Whatever this change does to the question, the last known state no longer holds.
    lastKnown.remove(id);
    boolean changed =
        mongo.updateFirst(Query.query(criteria), update, Question.class).getModifiedCount() > 0;
    if (changed) {
      relay.wakeUp(Question.COLLECTION, id);
    }
    return changed;
  }

  /** Questions matching {@code criteria}, in {@code sort} order, one page. */
  public List<Question> page(Criteria criteria, Sort sort, int page, int size) {
    return mongo.find(
        Query.query(criteria).with(sort).skip((long) page * size).limit(size), Question.class);
  }

  public long count(Criteria criteria) {
    return mongo.count(Query.query(criteria), Question.class);
  }

  void insert(Question question) {
    mongo.insert(question);
    relay.wakeUp(Question.COLLECTION, question.id());
    remember(
        question.forumId(),
        new VoteTarget(
            question.id(),
            question.participantId(),
            question.status(),
            question.supportCount(),
            question.revision()));
  }

  /**
   * An erased participant's name leaves their questions too (district and role stay, for counts).
   */
  @EventListener
  void forget(ParticipantForgotten forgotten) {
    mongo.updateMulti(
        Query.query(
            Criteria.where("forumId")
                .is(forgotten.forumId())
                .and("participantId")
                .is(forgotten.participantId())),
        new Update().unset("authorName"),
        Question.class);
  }
}
