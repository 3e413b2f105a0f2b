package kz.forumpulse.reporting.faq;

import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
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
import kz.forumpulse.reporting.store.GuardedUpdate;
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
 * <p>Exactly-once effect without transactions (ADR 0001, revised in ADR 0005). Each event is
 * applied with the Kafka offset ({@code seq}) of the record that carries it, and every document it
 * changes — the question, then its group — remembers the offset of the last event applied to it
 * ({@code lastSeq}). A change is one conditional single-document update "only if {@code lastSeq <
 * seq}" ({@link GuardedUpdate}: tested on the document as read, written on the version tested), so:
 *
 * <ul>
 *   <li>a <b>redelivery</b> of the same record (crash before the offset commit) finds the documents
 *       it already changed marked with its offset and changes only what it had not;
 *   <li>a <b>duplicate publication</b> (the same event id at a later offset) is recognised by its
 *       event id: a submission by the question document (stored with the offset it first came at),
 *       any other event by the event journal ({@link Generation#faqEvents()});
 *   <li>a <b>replay</b> into a fresh generation reads the same offsets again.
 * </ul>
 *
 * <p>The group change of a status or support event is computed from the question document as it was
 * before the event, and the question document is written last: a crash between the two leaves the
 * question as it was, so the redelivery computes the same change, finds it already made in the
 * group, and completes the question. This relies on one forum's events being consumed in offset
 * order (one partition per forum, ADR 0004). Unlike the first design — the group listing the ids it
 * counts — no document grows with the group, so an update costs the same at a group of 5 questions
 * and at one of 5,000.
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

  /**
   * Applies one question event, read at offset {@code seq} of its forum's partition, to the given
   * generation; applying it again changes nothing.
   */
  public void apply(QuestionEvent event, long seq, Generation gen) {
    if (event instanceof QuestionSubmitted submitted) {
      if (!submitted(submitted, seq, gen)) {
        return;
      }
    } else if (firstDelivery(event, seq, gen)) {
      Document question =
          mongo.findById(event.questionId().value(), Document.class, gen.questions());
      if (question == null) {
        // Its submission was unreadable and dead-lettered: nothing to attach this change to.
        log.warn("{} for unknown question {}; ignored", event.type(), event.questionId());
        return;
      }
      changed(question, event, seq, gen);
    } else {
      log.debug(
          "{} {} was applied before at another offset; ignored", event.type(), event.eventId());
      return;
    }
    changes.publishEvent(new AggregateChanged(event.forumId().value(), AggregateChanged.FAQ, gen));
  }

  /** Frees in-memory state of a generation that is no longer live. */
  public void forget(Generation gen) {
    groupers.forget(gen);
    storedRepresentatives.keySet().removeIf(key -> key.startsWith(gen.id() + "|"));
  }

  /** Stores and groups the question; false if it is a duplicate publication, ignored. */
  private boolean submitted(QuestionSubmitted q, long seq, Generation gen) {
    String forumId = q.forumId().value();
    String questionId = q.questionId().value();
    // The engine answers the group of a question it already holds, so a redelivery gets the same
    // group without a look-up first; the insert below is what decides whether it is new.
    String groupId =
        groupers.with(gen, forumId, q.project(), g -> g.add(questionId, q.text(), q.language()));
    String status = q.status() == null ? "PUBLISHED" : q.status();
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
            .append("status", status)
            .append("supporters", 0)
            .append("askedAt", Date.from(q.occurredAt()))
            // The offset the question was submitted at: the grouping order after a restart, and
            // what tells a redelivery (same offset) from a duplicate publication (another one).
            .append("seq", seq)
            .append("lastSeq", seq)
            .append(GuardedUpdate.VERSION, 0);
    try {
      mongo.insert(question, gen.questions());
    } catch (DuplicateKeyException alreadyStored) {
      Document stored = mongo.findById(questionId, Document.class, gen.questions());
      if (stored == null || stored.get("seq", Number.class).longValue() != seq) {
        log.debug("QuestionSubmitted {} was stored from another offset; ignored", questionId);
        return false;
      }
      // The same record again: its group change may not have been made before the crash.
    }
    if (VISIBLE.contains(status)) {
      addToGroup(question, seq, false, gen);
    }
    return true;
  }

  /**
   * Records the event id in the journal; false if it was recorded from another offset, i.e. this is
   * a duplicate publication. The same offset again is a redelivery and goes on.
   */
  private boolean firstDelivery(QuestionEvent event, long seq, Generation gen) {
    String eventId = event.eventId().toString();
    try {
      mongo.insert(new Document("_id", eventId).append("seq", seq), gen.faqEvents());
      return true;
    } catch (DuplicateKeyException seen) {
      Document first = mongo.findById(eventId, Document.class, gen.faqEvents());
      return first != null && first.get("seq", Number.class).longValue() == seq;
    }
  }

  /** A status, text or support change: the group first (from the question as it was), then it. */
  private void changed(Document question, QuestionEvent event, long seq, Generation gen) {
    String status = question.getString("status");
    boolean counted = VISIBLE.contains(status);
    Update questionUpdate = new Update();
    if (event instanceof QuestionApproved) {
      questionUpdate.set("status", "APPROVED");
      if (!counted) {
        addToGroup(question, seq, false, gen);
      }
    } else if (event instanceof QuestionRejected || event instanceof QuestionWithdrawn) {
      questionUpdate.set("status", event instanceof QuestionRejected ? "REJECTED" : "WITHDRAWN");
      if (counted) {
        removeFromGroup(question, seq, gen);
      }
    } else if (event instanceof QuestionAnswered answered) {
      questionUpdate.set("status", "ANSWERED").set("answer", answered.answer());
      boolean firstAnswer = !question.containsKey("answer");
      if (!counted) {
        addToGroup(question, seq, firstAnswer, gen);
      } else if (firstAnswer) {
        changeGroup(question, seq, new Update().inc("answered", 1), gen);
      }
    } else if (event instanceof QuestionEdited edited) {
      questionUpdate.set("text", edited.text());
    } else if (event instanceof QuestionSupported || event instanceof QuestionSupportWithdrawn) {
      int delta = event instanceof QuestionSupported ? 1 : -1;
      int supporters = question.get("supporters", Number.class).intValue();
      if (supporters + delta < 0) {
        // A withdrawal of a support this projection never saw (its event was dead-lettered).
        log.warn("support withdrawn from {} which has none; ignored", event.questionId());
        return;
      }
      questionUpdate.set("supporters", supporters + delta);
      changeGroup(question, seq, new Update().inc("supporters", delta), gen);
    }
    // The question was read by apply(): no second read unless someone changed it meanwhile.
    GuardedUpdate.apply(
        mongo,
        gen.questions(),
        question.getString("_id"),
        question,
        notYet(seq),
        questionUpdate.set("lastSeq", seq),
        false);
    if (event instanceof QuestionEdited) {
      refreshRepresentative(question, gen, true);
    }
  }

  /** Counts the question in its group (creating the group), unless the group has seen seq. */
  private void addToGroup(Document question, long seq, boolean answered, Generation gen) {
    Date askedAt = question.getDate("askedAt");
    Update update =
        new Update()
            .setOnInsert("forumId", question.getString("forumId"))
            .setOnInsert("project", question.getString("project"))
            .setOnInsert("groupId", question.getString("groupId"))
            .set("lastSeq", seq)
            .inc("count", 1)
            .inc("districts." + safeKey(question.getString("district")), 1)
            .inc("roles." + safeKey(question.getString("role")), 1)
            .inc("languages." + safeKey(question.getString("language")), 1)
            .min("firstAskedAt", askedAt)
            .max("lastAskedAt", askedAt);
    if (answered) {
      update.inc("answered", 1);
    }
    GuardedUpdate.apply(mongo, gen.groups(), groupKey(question), notYet(seq), update, true);
    refreshRepresentative(question, gen);
  }

  /** Takes the question out of its group's counts, unless the group has seen seq. */
  private void removeFromGroup(Document question, long seq, Generation gen) {
    changeGroup(
        question,
        seq,
        new Update()
            .inc("count", -1)
            .inc("districts." + safeKey(question.getString("district")), -1)
            .inc("roles." + safeKey(question.getString("role")), -1)
            .inc("languages." + safeKey(question.getString("language")), -1),
        gen);
  }

  private void changeGroup(Document question, long seq, Update update, Generation gen) {
    GuardedUpdate.apply(
        mongo, gen.groups(), groupKey(question), notYet(seq), update.set("lastSeq", seq), false);
  }

  /** True for a document no event at or after seq has been applied to yet. */
  private static Predicate<Document> notYet(long seq) {
    return doc -> {
      Number last = doc.get("lastSeq", Number.class);
      return last == null || last.longValue() < seq;
    };
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

  /** Field names in MongoDB may not contain dots or start with $; codes never should either. */
  static String safeKey(String value) {
    if (value == null || value.isBlank()) {
      return "UNKNOWN";
    }
    return value.replace('.', '_').replace('$', '_');
  }
}
