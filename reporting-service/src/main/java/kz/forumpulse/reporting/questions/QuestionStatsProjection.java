package kz.forumpulse.reporting.questions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.forumpulse.events.QuestionAnswered;
import kz.forumpulse.events.QuestionApproved;
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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps the questions cross-tab: per forum, project, district, role, language, status and day of
 * submission, how many questions there are and how much support they have.
 *
 * <p>Exactly-once effect without transactions, in two kinds of single-document conditional update:
 *
 * <ol>
 *   <li>The placement document of a question holds what the cross-tab should count it as (its
 *       dimensions, current status and support count) and the ids of the events already applied to
 *       it; an event changes it only while its id is absent, so a redelivery or a republication at
 *       a later offset is a no-op there.
 *   <li>Each cell lists the questions it counts ({@code members}) and what support it counts for
 *       each ({@code supportsOf.<question>}). Adding, removing and changing support are conditional
 *       on that membership and old value, so each happens once.
 * </ol>
 *
 * Moving a question between cells is then: note the new cell on the placement ({@code cells}, the
 * cells the question may be counted in), add it there, take it out of every other noted cell, drop
 * those from the note. The note is written before a cell is touched and cleared after, so it always
 * covers every cell that counts the question: whatever step a crash interrupts, applying the event
 * again (or the question's next event) finishes the move and counts it exactly once.
 */
@Service
public class QuestionStatsProjection {

  /** The report name in live change signals. */
  static final String REPORT = "questions";

  static final String UNKNOWN = "UNKNOWN";

  private static final Logger log = LoggerFactory.getLogger(QuestionStatsProjection.class);

  private final MongoTemplate mongo;
  private final ApplicationEventPublisher changes;
  private final Set<String> indexed = ConcurrentHashMap.newKeySet();

  QuestionStatsProjection(MongoTemplate mongo, ApplicationEventPublisher changes) {
    this.mongo = mongo;
    this.changes = changes;
  }

  /** Applies one question event to the given generation; applying it again changes nothing. */
  public void apply(QuestionEvent event, Generation gen) {
    ensureIndexes(gen);
    Document placement = record(event, gen);
    if (placement == null) {
      return;
    }
    place(placement, gen);
    changes.publishEvent(new AggregateChanged(event.forumId().value(), REPORT, gen));
  }

  /**
   * Step 1: the event's effect on the question's placement document, once per event id. Returns the
   * placement to reconcile the cells with, or null when the event does not concern the cross-tab.
   */
  Document record(QuestionEvent event, Generation gen) {
    String questionId = event.questionId().value();
    String eventId = event.eventId().toString();
    if (event instanceof QuestionSubmitted q) {
      Document placement =
          new Document("_id", questionId)
              .append("forumId", event.forumId().value())
              .append("project", dimension(q.project()))
              .append("district", dimension(q.district()))
              .append("role", dimension(q.role()))
              .append("language", dimension(q.language()))
              .append("status", q.status() == null ? QuestionSubmitted.PUBLISHED : q.status())
              .append("day", day(q.occurredAt()))
              .append("supports", 0)
              .append("applied", new ArrayList<>(List.of(eventId)))
              .append("cells", new ArrayList<String>())
              .append(GuardedUpdate.VERSION, 0);
      try {
        mongo.insert(placement, gen.questionPlacements());
      } catch (DuplicateKeyException alreadyRecorded) {
        // Submitted before; the stored placement may have moved on since and is the one to use.
      }
    } else {
      Update change = change(event);
      if (change == null) {
        return null;
      }
      GuardedUpdate.apply(
          mongo,
          gen.questionPlacements(),
          questionId,
          doc -> !list(doc, "applied").contains(eventId),
          change.push("applied", eventId),
          false);
    }
    Document placement = mongo.findById(questionId, Document.class, gen.questionPlacements());
    if (placement == null) {
      // Its submission was unreadable and dead-lettered (the FAQ ignores it too): nothing to count.
      log.warn("{} for unknown question {}; ignored", event.type(), event.questionId());
    }
    return placement;
  }

  /**
   * Step 2: makes the cells count the question exactly as its placement says. The placement is read
   * again at the end: during a rebalance a second instance may apply the question's next event
   * meanwhile, and then this one, holding the older state, must not leave the question in the cell
   * it just added it to, nor its older support count behind.
   */
  void place(Document placement, Generation gen) {
    String questionId = placement.getString("_id");
    Set<String> added = new LinkedHashSet<>();
    for (int round = 0; ; round++) {
      String target = cellId(placement);
      int supports = number(placement.get("supports"));
      Set<String> noted = new LinkedHashSet<>(placement.getList("cells", String.class, List.of()));
      if (!noted.contains(target)) {
        note(questionId, target, gen);
      }
      add(placement, target, supports, gen);
      noted.addAll(added);
      added.add(target);
      for (String cell : noted) {
        if (!cell.equals(target)) {
          remove(questionId, cell, gen);
          unnote(questionId, cell, gen);
        }
      }
      setSupports(questionId, target, supports, gen);
      Document now = mongo.findById(questionId, Document.class, gen.questionPlacements());
      if (now == null || (cellId(now).equals(target) && number(now.get("supports")) == supports)) {
        return;
      }
      giveUpAfterRetries(round, target);
      placement = now;
    }
  }

  /** Records, before the cell is touched, that the question may be counted in it. */
  void note(String questionId, String cell, Generation gen) {
    GuardedUpdate.apply(
        mongo,
        gen.questionPlacements(),
        questionId,
        doc -> !list(doc, "cells").contains(cell),
        new Update().push("cells", cell),
        false);
  }

  /** Forgets a cell once the question is no longer counted there. */
  void unnote(String questionId, String cell, Generation gen) {
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(questionId)),
        new Update().pull("cells", cell).inc(GuardedUpdate.VERSION, 1),
        gen.questionPlacements());
  }

  /** Counts the question, with its support, in the cell unless it already is. */
  void add(Document placement, String cell, int supports, Generation gen) {
    String questionId = placement.getString("_id");
    Update update =
        new Update()
            .setOnInsert("forumId", placement.getString("forumId"))
            .setOnInsert("project", placement.getString("project"))
            .setOnInsert("district", placement.getString("district"))
            .setOnInsert("role", placement.getString("role"))
            .setOnInsert("language", placement.getString("language"))
            .setOnInsert("status", placement.getString("status"))
            .setOnInsert("day", placement.getString("day"))
            .push("members", questionId)
            .inc("count", 1)
            .set(supportsField(questionId), supports)
            .inc("supports", supports);
    GuardedUpdate.apply(
        mongo,
        gen.questionCells(),
        cell,
        doc -> !list(doc, "members").contains(questionId),
        update,
        true);
  }

  /** Takes the question and the support counted for it out of the cell, if it is counted there. */
  void remove(String questionId, String cell, Generation gen) {
    String field = supportsField(questionId);
    for (int attempt = 0; ; attempt++) {
      Document counted = counted(questionId, cell, gen);
      if (counted == null) {
        return;
      }
      Object supports = counted.get(field);
      giveUpAfterRetries(attempt, cell);
      GuardedUpdate.apply(
          mongo,
          gen.questionCells(),
          cell,
          doc -> counts(doc, questionId, supports),
          new Update()
              .pull("members", questionId)
              .inc("count", -1)
              .inc("supports", -number(supports))
              .unset(field),
          false);
    }
  }

  /** Moves the cell's support total by the change in the question's support, once. */
  void setSupports(String questionId, String cell, int supports, Generation gen) {
    String field = supportsField(questionId);
    for (int attempt = 0; ; attempt++) {
      Document counted = counted(questionId, cell, gen);
      if (counted == null || supports == number(counted.get(field))) {
        return;
      }
      Object before = counted.get(field);
      giveUpAfterRetries(attempt, cell);
      GuardedUpdate.apply(
          mongo,
          gen.questionCells(),
          cell,
          doc -> counts(doc, questionId, before),
          new Update().set(field, supports).inc("supports", supports - number(before)),
          false);
    }
  }

  /**
   * What the cell counts for the question, as {@code supportsOf.<question>} (absent when null);
   * null when the cell does not count the question.
   */
  private Document counted(String questionId, String cell, Generation gen) {
    String field = supportsField(questionId);
    // By _id only: mongo-java-server scans the collection for any richer filter.
    Document found = mongo.findById(cell, Document.class, gen.questionCells());
    if (found == null || !list(found, "members").contains(questionId)) {
      return null;
    }
    return new Document(field, supportOf(found, questionId));
  }

  /** Whether the cell counts the question with exactly this support (null: none recorded). */
  private static boolean counts(Document cell, String questionId, Object supports) {
    return list(cell, "members").contains(questionId)
        && java.util.Objects.equals(supportOf(cell, questionId), supports);
  }

  private static Object supportOf(Document cell, String questionId) {
    Document supportsOf = cell.get("supportsOf", Document.class);
    return supportsOf == null ? null : supportsOf.get(key(questionId));
  }

  private static List<?> list(Document doc, String field) {
    Object value = doc.get(field);
    return value instanceof List<?> l ? l : List.of();
  }

  /**
   * Another writer of the same question exists only while partitions move between instances, and
   * then only for a moment; a condition that keeps failing means a bug, which must not spin
   * forever. The event then goes to the dead-letter topic and the question's next event repairs its
   * cells.
   */
  private static void giveUpAfterRetries(int attempt, String cell) {
    if (attempt >= 10) {
      throw new IllegalStateException("Cell " + cell + " keeps changing under the projection");
    }
  }

  /** The placement change an event makes; null for events the cross-tab does not reflect. */
  private static Update change(QuestionEvent event) {
    if (event instanceof QuestionApproved) {
      return new Update().set("status", "APPROVED");
    } else if (event instanceof QuestionRejected) {
      return new Update().set("status", "REJECTED");
    } else if (event instanceof QuestionWithdrawn) {
      return new Update().set("status", "WITHDRAWN");
    } else if (event instanceof QuestionAnswered) {
      return new Update().set("status", "ANSWERED");
    } else if (event instanceof QuestionSupported supported) {
      // The count after the change, as the contract offers: with the event-id check above, an old
      // event published again can not roll it back.
      return new Update().set("supports", supported.supportCount());
    } else if (event instanceof QuestionSupportWithdrawn withdrawn) {
      return new Update().set("supports", withdrawn.supportCount());
    }
    return null;
  }

  private void ensureIndexes(Generation gen) {
    if (indexed.add(gen.id())) {
      mongo
          .indexOps(gen.questionCells())
          .createIndex(new Index().on("forumId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
    }
  }

  /** The cell a placement belongs in; each part escaped so no two cells share an id. */
  static String cellId(Document placement) {
    StringBuilder id = new StringBuilder(escape(placement.getString("forumId")));
    for (String part : List.of("project", "district", "role", "language", "status", "day")) {
      id.append('|').append(escape(placement.getString(part)));
    }
    return id.toString();
  }

  static String dimension(String value) {
    return value == null || value.isBlank() ? UNKNOWN : value;
  }

  /** Day of submission in UTC, as the attendance report counts registration days. */
  static String day(Instant at) {
    return at.toString().substring(0, 10);
  }

  private static String supportsField(String questionId) {
    return "supportsOf." + key(questionId);
  }

  /** Field names may not contain dots or start with $; escaped so distinct ids stay distinct. */
  static String key(String questionId) {
    return questionId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
  }

  private static String escape(String part) {
    return part.replace("%", "%25").replace("|", "%7C");
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
