package kz.forumpulse.reporting.faq;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.forumpulse.events.QuestionAnswered;
import kz.forumpulse.events.QuestionApproved;
import kz.forumpulse.events.QuestionEdited;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionRejected;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.QuestionSupportWithdrawn;
import kz.forumpulse.events.QuestionSupported;
import kz.forumpulse.events.QuestionWithdrawn;
import kz.forumpulse.reporting.live.AggregateChanged;
import kz.forumpulse.reporting.store.Generation;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps the FAQ aggregates: every question once, and per group its size, supporters, answers and
 * breakdowns by district, role and language.
 *
 * <p>Exactly-once effect without transactions. The question document is inserted once (a duplicate
 * insert keeps the first group) and afterwards only receives idempotent {@code $set}s. Every change
 * of a group document is a single conditional update whose condition is the change itself not being
 * there yet: a question is counted only while it is absent from {@code questionIds}, a supporter
 * only while absent from {@code supportersOf.<question>}, an answer only while absent from {@code
 * answeredIds}. A redelivery or a republished event finds its change made and does nothing; a crash
 * between two steps is completed by the redelivery.
 *
 * <p>The grouping engine sees every question in arrival order, whatever its moderation status, so
 * the groups are a pure function of the topic; a question counts in its group only while it is
 * visible (published, approved or answered).
 */
@Service
public class FaqProjection {

  private static final Logger log = LoggerFactory.getLogger(FaqProjection.class);
  private static final Set<String> VISIBLE = Set.of("PUBLISHED", "APPROVED", "ANSWERED");

  private final MongoTemplate mongo;
  private final Groupers groupers;
  private final ApplicationEventPublisher changes;

  /** generation|group -> the representative question ids last written to the group document. */
  private final Map<String, Map<String, String>> storedRepresentatives = new ConcurrentHashMap<>();

  FaqProjection(MongoTemplate mongo, Groupers groupers, ApplicationEventPublisher changes) {
    this.mongo = mongo;
    this.groupers = groupers;
    this.changes = changes;
  }

  /** Applies one question event to the given generation; applying it again changes nothing. */
  public void apply(QuestionEvent event, long seq, Generation gen) {
    if (event instanceof QuestionSubmitted submitted) {
      submitted(submitted, seq, gen);
    } else {
      Document question =
          mongo.findById(event.questionId().value(), Document.class, gen.questions());
      if (question == null) {
        // Its submission was unreadable and dead-lettered: nothing to attach this change to.
        log.warn("{} for unknown question {}; ignored", event.type(), event.questionId());
        return;
      }
      if (event instanceof QuestionApproved) {
        setStatus(question, "APPROVED", gen);
        count(question, gen);
      } else if (event instanceof QuestionRejected) {
        setStatus(question, "REJECTED", gen);
        uncount(question, gen);
      } else if (event instanceof QuestionWithdrawn) {
        setStatus(question, "WITHDRAWN", gen);
        uncount(question, gen);
      } else if (event instanceof QuestionAnswered answered) {
        answered(question, answered, gen);
      } else if (event instanceof QuestionEdited edited) {
        edited(question, edited, gen);
      } else if (event instanceof QuestionSupported supported) {
        support(question, supported.participantId().value(), supported.supportCount(), true, gen);
      } else if (event instanceof QuestionSupportWithdrawn withdrawn) {
        support(question, withdrawn.participantId().value(), withdrawn.supportCount(), false, gen);
      }
    }
    changes.publishEvent(new AggregateChanged(event.forumId().value(), AggregateChanged.FAQ, gen));
  }

  /** Frees in-memory state of a generation that is no longer live. */
  public void forget(Generation gen) {
    groupers.forget(gen);
    storedRepresentatives.keySet().removeIf(key -> key.startsWith(gen.id() + "|"));
  }

  private void submitted(QuestionSubmitted q, long seq, Generation gen) {
    String forumId = q.forumId().value();
    String questionId = q.questionId().value();
    // The engine answers the group of a question it already holds, so a redelivery gets the same
    // group without a look-up first; the insert below is what decides whether it is new.
    String groupId =
        groupers.with(gen, forumId, q.project(), g -> g.add(questionId, q.text(), q.language()));
    Document question =
        new Document("_id", questionId)
            .append("forumId", forumId)
            .append("project", q.project())
            .append("groupId", groupId)
            .append("text", q.text())
            .append("language", q.language())
            .append("anonymous", q.anonymous())
            .append("authorName", q.anonymous() ? null : q.authorName())
            .append("district", q.district())
            .append("role", q.role())
            // Kept so an erasure can find the person's named questions; never shown.
            .append("participantId", q.participantId() == null ? null : q.participantId().value())
            .append("status", q.status() == null ? "PUBLISHED" : q.status())
            .append("supporters", 0)
            .append("askedAt", Date.from(q.occurredAt()))
            .append("seq", seq);
    try {
      mongo.insert(question, gen.questions());
    } catch (DuplicateKeyException alreadyStored) {
      question = mongo.findById(questionId, Document.class, gen.questions());
    }
    if (VISIBLE.contains(question.getString("status"))) {
      count(question, gen);
    }
  }

  private void answered(Document question, QuestionAnswered answered, Generation gen) {
    mongo.updateFirst(
        byId(question.getString("_id")),
        new Update().set("status", "ANSWERED").set("answer", answered.answer()),
        gen.questions());
    count(question, gen);
    String questionId = question.getString("_id");
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(groupKey(question)).and("answeredIds").ne(questionId)),
        new Update().push("answeredIds", questionId).inc("answered", 1),
        gen.groups());
  }

  private void edited(Document question, QuestionEdited edited, Generation gen) {
    mongo.updateFirst(
        byId(question.getString("_id")), new Update().set("text", edited.text()), gen.questions());
    refreshRepresentative(question, gen, true);
  }

  private void support(
      Document question, String participantId, int supportCount, boolean add, Generation gen) {
    String questionId = question.getString("_id");
    mongo.updateFirst(
        byId(questionId), new Update().set("supporters", supportCount), gen.questions());
    String field = "supportersOf." + questionId;
    Criteria group = Criteria.where("_id").is(groupKey(question));
    if (add) {
      mongo.updateFirst(
          Query.query(group.and(field).ne(participantId)),
          new Update().push(field, participantId).inc("supporters", 1),
          gen.groups());
    } else {
      mongo.updateFirst(
          Query.query(group.and(field).is(participantId)),
          new Update().pull(field, participantId).inc("supporters", -1),
          gen.groups());
    }
  }

  private void setStatus(Document question, String status, Generation gen) {
    mongo.updateFirst(
        byId(question.getString("_id")), new Update().set("status", status), gen.questions());
  }

  /** Counts the question in its group unless it already is. */
  private void count(Document question, Generation gen) {
    String questionId = question.getString("_id");
    Date askedAt = question.getDate("askedAt");
    Update update =
        new Update()
            .setOnInsert("forumId", question.getString("forumId"))
            .setOnInsert("project", question.getString("project"))
            .setOnInsert("groupId", question.getString("groupId"))
            .push("questionIds", questionId)
            .inc("count", 1)
            .inc("districts." + safeKey(question.getString("district")), 1)
            .inc("roles." + safeKey(question.getString("role")), 1)
            .inc("languages." + safeKey(question.getString("language")), 1)
            .min("firstAskedAt", askedAt)
            .max("lastAskedAt", askedAt);
    try {
      mongo.upsert(
          Query.query(
              Criteria.where("_id").is(groupKey(question)).and("questionIds").ne(questionId)),
          update,
          gen.groups());
    } catch (DuplicateKeyException alreadyCounted) {
      return;
    }
    refreshRepresentative(question, gen);
  }

  /** Takes the question out of its group's counts if it is counted. */
  private void uncount(Document question, Generation gen) {
    String questionId = question.getString("_id");
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(groupKey(question)).and("questionIds").is(questionId)),
        new Update()
            .pull("questionIds", questionId)
            .inc("count", -1)
            .inc("districts." + safeKey(question.getString("district")), -1)
            .inc("roles." + safeKey(question.getString("role")), -1)
            .inc("languages." + safeKey(question.getString("language")), -1),
        gen.groups());
  }

  private void refreshRepresentative(Document question, Generation gen) {
    refreshRepresentative(question, gen, false);
  }

  /**
   * Stores the group's representative texts. Skipped when the representatives are the questions
   * this instance last stored for the group (the common case once a group is large), unless a text
   * may have changed ({@code force}). The texts come from one query for both questions.
   */
  private void refreshRepresentative(Document question, Generation gen, boolean force) {
    String groupId = question.getString("groupId");
    Map<String, String> representatives =
        groupers.with(
            gen,
            question.getString("forumId"),
            question.getString("project"),
            g ->
                Map.of(
                    "ru", g.representativeFor(groupId, "ru"),
                    "kk", g.representativeFor(groupId, "kk")));
    String key = gen.id() + "|" + groupKey(question);
    if (!force && representatives.equals(storedRepresentatives.get(key))) {
      return;
    }
    Query byIds = Query.query(Criteria.where("_id").in(Set.copyOf(representatives.values())));
    byIds.fields().include("_id", "text");
    Map<String, String> texts = new java.util.HashMap<>();
    mongo
        .find(byIds, Document.class, gen.questions())
        .forEach(d -> texts.put(d.getString("_id"), d.getString("text")));
    Update update = new Update();
    representatives.forEach(
        (lang, questionId) -> {
          String text = texts.get(questionId);
          if (text != null) {
            update.set("representative." + lang, text);
          }
        });
    if (!update.getUpdateObject().isEmpty()) {
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(groupKey(question))), update, gen.groups());
      storedRepresentatives.put(key, representatives);
    }
  }

  private static String groupKey(Document question) {
    return question.getString("forumId")
        + "|"
        + question.getString("project")
        + "|"
        + question.getString("groupId");
  }

  private static Query byId(String id) {
    return Query.query(Criteria.where("_id").is(id));
  }

  /** Field names in MongoDB may not contain dots or start with $; codes never should either. */
  static String safeKey(String value) {
    if (value == null || value.isBlank()) {
      return "UNKNOWN";
    }
    return value.replace('.', '_').replace('$', '_');
  }
}
