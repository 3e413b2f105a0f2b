package kz.forumpulse.reporting.faq;

import java.util.Map;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.reporting.live.AggregateChanged;
import kz.forumpulse.reporting.store.Generation;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps the FAQ aggregates: every question once, and per group its size and breakdowns.
 *
 * <p>Exactly-once effect without transactions, in two idempotent single-document steps: (1) the
 * question document is inserted with its group (a duplicate insert is a no-op and keeps the first
 * group), (2) the group document is updated only if it does not yet list the question. A crash
 * between the steps is repaired by the redelivery, which skips (1) and completes (2).
 */
@Service
public class FaqProjection {

  private final MongoTemplate mongo;
  private final Groupers groupers;
  private final ApplicationEventPublisher changes;

  FaqProjection(MongoTemplate mongo, Groupers groupers, ApplicationEventPublisher changes) {
    this.mongo = mongo;
    this.groupers = groupers;
    this.changes = changes;
  }

  public void apply(QuestionEvent event, long seq, Generation gen) {
    if (event instanceof QuestionSubmitted submitted) {
      apply(submitted, seq, gen);
    }
  }

  /** Frees in-memory state of a generation that is no longer live. */
  public void forget(Generation gen) {
    groupers.forget(gen);
  }

  private void apply(QuestionSubmitted q, long seq, Generation gen) {
    String forumId = q.forumId().value();
    String questionId = q.questionId().value();
    Document stored = mongo.findById(questionId, Document.class, gen.questions());
    String groupId;
    if (stored != null) {
      groupId = stored.getString("groupId");
    } else {
      groupId =
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
              .append("askedAt", java.util.Date.from(q.occurredAt()))
              .append("seq", seq);
      try {
        mongo.insert(question, gen.questions());
      } catch (DuplicateKeyException concurrent) {
        groupId = mongo.findById(questionId, Document.class, gen.questions()).getString("groupId");
      }
    }
    addToGroup(q, groupId, gen);
  }

  private void addToGroup(QuestionSubmitted q, String groupId, Generation gen) {
    String forumId = q.forumId().value();
    String id = forumId + "|" + q.project() + "|" + groupId;
    String questionId = q.questionId().value();
    java.util.Date askedAt = java.util.Date.from(q.occurredAt());
    Update update =
        new Update()
            .setOnInsert("forumId", forumId)
            .setOnInsert("project", q.project())
            .setOnInsert("groupId", groupId)
            .push("questionIds", questionId)
            .inc("count", 1)
            .inc("districts." + safeKey(q.district()), 1)
            .inc("roles." + safeKey(q.role()), 1)
            .inc("languages." + safeKey(q.language()), 1)
            .min("firstAskedAt", askedAt)
            .max("lastAskedAt", askedAt);
    try {
      mongo.upsert(
          Query.query(Criteria.where("_id").is(id).and("questionIds").ne(questionId)),
          update,
          gen.groups());
    } catch (DuplicateKeyException alreadyCounted) {
      return;
    }
    refreshRepresentative(gen, forumId, q.project(), groupId, id);
    changes.publishEvent(new AggregateChanged(forumId, AggregateChanged.FAQ, gen));
  }

  private void refreshRepresentative(
      Generation gen, String forumId, String project, String groupId, String id) {
    Map<String, String> representatives =
        groupers.with(
            gen,
            forumId,
            project,
            g ->
                Map.of(
                    "ru", g.representativeFor(groupId, "ru"),
                    "kk", g.representativeFor(groupId, "kk")));
    Update update = new Update();
    representatives.forEach(
        (lang, questionId) -> {
          Document question = mongo.findById(questionId, Document.class, gen.questions());
          if (question != null) {
            update.set("representative." + lang, question.getString("text"));
          }
        });
    mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, gen.groups());
  }

  /** Field names in MongoDB may not contain dots or start with $; codes never should either. */
  private static String safeKey(String value) {
    if (value == null || value.isBlank()) {
      return "UNKNOWN";
    }
    return value.replace('.', '_').replace('$', '_');
  }
}
