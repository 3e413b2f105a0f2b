package kz.forumpulse.reporting.faq;

import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
import kz.forumpulse.faq.FaqGrouper;
import kz.forumpulse.reporting.live.AggregateChanged;
import kz.forumpulse.reporting.questions.QuestionStatsProjection;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.GuardedUpdate;
import kz.forumpulse.reporting.store.RawDocuments;
import kz.forumpulse.reporting.store.ReportStamps;
import kz.forumpulse.reporting.store.SeqGuardedWrites;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Applies question events to the FAQ aggregates and, through {@link QuestionStatsProjection}, the
 * questions cross-tab: every question once, and per group its size, supporters, answers and
 * breakdowns by district, role and language.
 *
 * <p>Events come in batches (one poll of the forum's partition) with the Kafka offset ({@code seq})
 * of each record. Exactly-once effect without transactions (ADR 0001, revised in ADRs 0005 and
 * 0007):
 *
 * <ol>
 *   <li>A submission inserts its question document (with the offset it came at); any other event
 *       first records its event id in the journal ({@link Generation#faqEvents()}). The same
 *       question or event id found from <em>another</em> offset is a duplicate publication and is
 *       ignored; from the same offset, a redelivery, which goes on.
 *   <li>Each event is run through the question's state (as stored, then as changed by the batch's
 *       earlier events); an event the question has already applied ({@code lastSeq >= seq}) is
 *       skipped. What it changes — group counts, cross-tab cells — is handed to {@link
 *       SeqGuardedWrites}, which writes each group and cell once per batch and skips what a
 *       document has applied before.
 *   <li>The questions are written last. A crash anywhere before leaves them as they were, so the
 *       redelivery computes the same changes and finds them already made where they landed.
 * </ol>
 *
 * <p>This relies on one forum's events being consumed in offset order (one partition per forum, ADR
 * 0004). No document grows with the group, so a batch costs the same at a group of 5 questions and
 * at one of 5,000; a batch of N events costs a handful of round trips, not N times a dozen.
 *
 * <p>The grouping engine sees every question in arrival order, whatever its moderation status, so
 * the groups are a pure function of the topic; a question counts in its group, with its supporters
 * and answer, only while it is visible (published, approved or answered).
 */
@Service
public class FaqProjection {

  private static final Logger log = LoggerFactory.getLogger(FaqProjection.class);
  private static final Set<String> VISIBLE = Set.of("PUBLISHED", "APPROVED", "ANSWERED");
  private static final int MAX_ATTEMPTS = 20;

  /** The fields of a stored question that events change. */
  private static final List<String> CHANGEABLE =
      List.of("status", "answer", "text", "supporters", "supportCount", SeqGuardedWrites.LAST_SEQ);

  /**
   * An event with the offset of the record that carried it, and, when the reader had a moment, its
   * question's text already analysed for the grouping engine (else null).
   */
  public record Sequenced(QuestionEvent event, long seq, FaqGrouper.Prepared prepared) {
    public Sequenced(QuestionEvent event, long seq) {
      this(event, seq, null);
    }
  }

  private final MongoTemplate mongo;
  private final Groupers groupers;
  private final QuestionStatsProjection questionStats;
  private final ReportStamps stamps;
  private final ApplicationEventPublisher changes;

  /** generation|group -> the representative question ids last written to the group document. */
  private final Map<String, Map<String, String>> storedRepresentatives = new ConcurrentHashMap<>();

  /** generation -> representatives left for later (a rebuild in progress). */
  private final Map<String, Deferred> deferred = new ConcurrentHashMap<>();

  FaqProjection(
      MongoTemplate mongo,
      Groupers groupers,
      QuestionStatsProjection questionStats,
      ReportStamps stamps,
      ApplicationEventPublisher changes) {
    this.mongo = mongo;
    this.groupers = groupers;
    this.questionStats = questionStats;
    this.stamps = stamps;
    this.changes = changes;
  }

  /**
   * Applies one question event, read at offset {@code seq} of its forum's partition, to the given
   * generation; applying it again changes nothing.
   */
  public void apply(QuestionEvent event, long seq, Generation gen) {
    apply(List.of(new Sequenced(event, seq)), gen);
  }

  /**
   * Applies events read from one partition, in offset order, to the given generation; applying any
   * of them again, in this batch or in any other, changes nothing.
   */
  public void apply(List<Sequenced> batch, Generation gen) {
    if (batch.isEmpty()) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        new Batch(batch, gen).run();
        return;
      } catch (ConcurrentChange e) {
        // Another instance wrote the same questions (a rebalance): all of it again, from the
        // documents as they are now; what landed is recognised by its offsets.
        if (attempt == MAX_ATTEMPTS) {
          throw new IllegalStateException(e.getMessage(), e);
        }
        log.debug("{}; applying the batch again", e.getMessage());
      }
    }
  }

  /**
   * Until {@link #refreshDeferredRepresentatives}, batches applied to {@code gen} leave the groups'
   * representative texts to that call. For a rebuild: a group's representative depends only on its
   * members, so choosing it once at the end gives the same documents as choosing it after every
   * batch, without scoring every large group once per poll.
   */
  public void deferRepresentatives(Generation gen) {
    deferred.putIfAbsent(gen.id(), new Deferred());
  }

  /** Ends {@link #deferRepresentatives} and writes what was left. */
  public void refreshDeferredRepresentatives(Generation gen) {
    Deferred later = deferred.remove(gen.id());
    if (later != null) {
      refreshRepresentatives(gen, later.representatives, later.edited);
    }
  }

  /** Groups whose representative is to be refreshed later, collected over batches. */
  private static final class Deferred {
    private final Map<String, Document> representatives = new LinkedHashMap<>();
    private final Set<String> edited = new LinkedHashSet<>();

    synchronized void add(Map<String, Document> more, Set<String> moreEdited) {
      more.forEach(representatives::putIfAbsent);
      edited.addAll(moreEdited);
    }
  }

  /** Frees in-memory state of a generation that is no longer live. */
  public void forget(Generation gen) {
    deferred.remove(gen.id());
    groupers.forget(gen);
    storedRepresentatives.keySet().removeIf(key -> key.startsWith(gen.id() + "|"));
  }

  /** One run over a batch; see the class comment for the steps. */
  private final class Batch {
    private final List<Sequenced> events;
    private final Generation gen;

    /** Question id -> the question as the batch's events so far have left it. */
    private final Map<String, Document> questions = new HashMap<>();

    /** Question id -> its version as read (0 for ones this batch inserted). */
    private final Map<String, Object> versions = new HashMap<>();

    private final Map<String, Document> changedQuestions = new LinkedHashMap<>();
    private final SeqGuardedWrites groups;
    private final QuestionStatsProjection.Cells cells;

    /** Groups whose representative may have changed (by a question of theirs). */
    private final Map<String, Document> representatives = new LinkedHashMap<>();

    /** Groups whose representative's text may have changed. */
    private final Set<String> edited = new LinkedHashSet<>();

    private final Set<String> changedForums = new LinkedHashSet<>();

    Batch(List<Sequenced> events, Generation gen) {
      this.events = events;
      this.gen = gen;
      this.groups = new SeqGuardedWrites(mongo, gen.groups());
      this.cells = questionStats.cells(gen);
    }

    void run() {
      load();
      Set<Sequenced> firstDeliveries = journal();
      insertSubmissions();
      for (Sequenced s : events) {
        if (s.event() instanceof QuestionSubmitted) {
          submitted(s);
        } else if (firstDeliveries.contains(s)) {
          changed(s);
        } else {
          log.debug(
              "{} {} was applied before at another offset; ignored",
              s.event().type(),
              s.event().eventId());
        }
      }
      groups.write();
      cells.write();
      writeQuestions();
      Deferred later = deferred.get(gen.id());
      if (later != null) {
        later.add(representatives, edited);
      } else {
        refreshRepresentatives(gen, representatives, edited);
      }
      // Every forum of the batch, changed or not: a crash after its writes and before this line
      // leaves nothing for the redelivery to change, and cached reports must still move on.
      Set<String> forums = new LinkedHashSet<>();
      events.forEach(s -> forums.add(s.event().forumId().value()));
      stamps.changed(forums, gen);
      for (String forumId : changedForums) {
        changes.publishEvent(new AggregateChanged(forumId, AggregateChanged.FAQ, gen));
        questionStats.changed(forumId, gen);
      }
    }

    private void load() {
      Set<String> ids = new LinkedHashSet<>();
      events.forEach(s -> ids.add(s.event().questionId().value()));
      RawDocuments.byId(mongo, gen.questions(), ids).values().forEach(this::remember);
    }

    private void remember(Document question) {
      questions.put(question.getString("_id"), question);
      versions.put(question.getString("_id"), question.get(GuardedUpdate.VERSION));
    }

    /**
     * Records the event ids of the batch's status, text and support events; returns those seen
     * first at their own offset (new, or redelivered), not duplicates published at another one.
     */
    private Set<Sequenced> journal() {
      Map<String, Sequenced> firstInBatch = new LinkedHashMap<>();
      for (Sequenced s : events) {
        if (!(s.event() instanceof QuestionSubmitted)) {
          firstInBatch.putIfAbsent(s.event().eventId().toString(), s);
        }
      }
      Set<Sequenced> first = new LinkedHashSet<>();
      if (firstInBatch.isEmpty()) {
        return first;
      }
      List<Document> entries = new ArrayList<>();
      firstInBatch.forEach((id, s) -> entries.add(new Document("_id", id).append("seq", s.seq())));
      if (insertAll(gen.faqEvents(), entries)) {
        first.addAll(firstInBatch.values());
        return first;
      }
      Map<String, Document> recorded =
          RawDocuments.byId(mongo, gen.faqEvents(), firstInBatch.keySet());
      firstInBatch.forEach(
          (id, s) -> {
            Document entry = recorded.get(id);
            if (entry != null && number(entry.get("seq")) == s.seq()) {
              first.add(s);
            }
          });
      return first;
    }

    /**
     * Groups the batch's new questions, in offset order, and inserts them with the offset they came
     * at — the grouping order after a restart, and what tells a redelivery (same offset) from a
     * duplicate publication (another one).
     */
    private void insertSubmissions() {
      Map<String, Document> fresh = new LinkedHashMap<>();
      for (Sequenced s : events) {
        if (!(s.event() instanceof QuestionSubmitted q)) {
          continue;
        }
        String questionId = q.questionId().value();
        if (questions.containsKey(questionId) || fresh.containsKey(questionId)) {
          continue;
        }
        String forumId = q.forumId().value();
        String groupId =
            groupers.with(
                gen,
                forumId,
                q.project(),
                g ->
                    s.prepared() != null
                        ? g.add(questionId, s.prepared())
                        : g.add(questionId, q.text(), q.language()));
        fresh.put(questionId, newQuestion(q, groupId, s.seq()));
      }
      if (fresh.isEmpty()) {
        return;
      }
      if (!insertAll(gen.questions(), new ArrayList<>(fresh.values()))) {
        // Another instance inserted some of them meanwhile (a rebalance): the stored ones rule.
        throw new ConcurrentChange("questions " + fresh.keySet() + " were inserted meanwhile");
      }
      fresh.values().forEach(this::remember);
    }

    /** A submission: counts the question as submitted, unless already done or a duplicate. */
    private void submitted(Sequenced s) {
      Document question = questions.get(s.event().questionId().value());
      if (question == null || number(question.get("seq")) != s.seq()) {
        log.debug(
            "QuestionSubmitted {} was stored from another offset; ignored", s.event().questionId());
        return;
      }
      if (number(question.get(SeqGuardedWrites.LAST_SEQ)) > s.seq()) {
        return; // applied before, and later events too
      }
      contribute(null, question, s.seq());
    }

    /** A status, text or support change, run through the question's state. */
    private void changed(Sequenced s) {
      QuestionEvent event = s.event();
      String questionId = event.questionId().value();
      Document before = questions.get(questionId);
      if (before == null) {
        // Its submission was unreadable and dead-lettered: nothing to attach this change to.
        log.warn("{} for unknown question {}; ignored", event.type(), event.questionId());
        return;
      }
      if (number(before.get(SeqGuardedWrites.LAST_SEQ)) >= s.seq()) {
        if (event instanceof QuestionEdited) {
          // The text may have been written and the crash come before the representative.
          representatives.put(groupKey(before), before);
          edited.add(groupKey(before));
        }
        return;
      }
      Document after = next(before, event);
      if (after == null) {
        return;
      }
      after.put(SeqGuardedWrites.LAST_SEQ, s.seq());
      contribute(before, after, s.seq());
      questions.put(questionId, after);
      changedQuestions.put(questionId, after);
      if (event instanceof QuestionEdited) {
        representatives.put(groupKey(after), after);
        edited.add(groupKey(after));
        changedForums.add(after.getString("forumId"));
      }
    }

    /** What the event at seq changes in the group and the cross-tab. */
    private void contribute(Document before, Document after, long seq) {
      changedForums.add(after.getString("forumId"));
      cells.moved(before, after, seq);
      boolean wasCounted = counted(before);
      boolean isCounted = counted(after);
      long count = (isCounted ? 1 : 0) - (wasCounted ? 1 : 0);
      long supporters =
          (isCounted ? number(after.get("supporters")) : 0)
              - (wasCounted ? number(before.get("supporters")) : 0);
      long answered =
          (isCounted && after.containsKey("answer") ? 1 : 0)
              - (wasCounted && before.containsKey("answer") ? 1 : 0);
      if (count == 0 && supporters == 0 && answered == 0) {
        return;
      }
      SeqGuardedWrites.Change change = groups.change(groupKey(after), seq);
      change.inc("supporters", supporters).inc("answered", answered);
      if (count != 0) {
        change
            .inc("count", count)
            .inc("districts." + safeKey(after.getString("district")), count)
            .inc("roles." + safeKey(after.getString("role")), count)
            .inc("languages." + safeKey(after.getString("language")), count);
      }
      if (isCounted && !wasCounted) {
        Date askedAt = after.getDate("askedAt");
        change
            .setOnInsert("forumId", after.getString("forumId"))
            .setOnInsert("project", after.getString("project"))
            .setOnInsert("groupId", after.getString("groupId"))
            .min("firstAskedAt", askedAt)
            .max("lastAskedAt", askedAt);
        representatives.putIfAbsent(groupKey(after), after);
      }
    }

    /** Writes the questions the batch changed, each on the version it was read at. */
    private void writeQuestions() {
      if (changedQuestions.isEmpty()) {
        return;
      }
      List<UpdateOneModel<Document>> writes = new ArrayList<>();
      changedQuestions.forEach(
          (id, q) -> {
            Document set = new Document();
            for (String field : CHANGEABLE) {
              if (q.containsKey(field)) {
                set.put(field, q.get(field));
              }
            }
            writes.add(
                new UpdateOneModel<>(
                    GuardedUpdate.onVersion(id, versions.get(id)),
                    new Document("$set", set)
                        .append("$inc", new Document(GuardedUpdate.VERSION, 1))));
          });
      if (RawDocuments.write(mongo, gen.questions(), writes).matched() != writes.size()) {
        throw new ConcurrentChange("questions of the batch changed while it was applied");
      }
    }
  }

  /**
   * Stores the representative texts of these groups (the ones a batch added to). Skipped for a
   * group whose representatives are the questions this instance last stored for it (the common case
   * once a group is large), unless a text may have changed ({@code edited}). The texts come from
   * one query.
   */
  private void refreshRepresentatives(
      Generation gen, Map<String, Document> representatives, Set<String> edited) {
    Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
    Set<String> textIds = new LinkedHashSet<>();
    representatives.forEach(
        (key, question) -> {
          String groupId = question.getString("groupId");
          Map<String, String> chosen =
              groupers.with(
                  gen,
                  question.getString("forumId"),
                  question.getString("project"),
                  g -> {
                    Map<String, String> ids = new HashMap<>();
                    for (String lang : List.of("ru", "kk")) {
                      String id = g.representativeFor(groupId, lang);
                      if (id != null) {
                        ids.put(lang, id);
                      }
                    }
                    return ids;
                  });
          if (edited.contains(key)
              || !chosen.equals(storedRepresentatives.get(gen.id() + "|" + key))) {
            wanted.put(key, chosen);
            textIds.addAll(chosen.values());
          }
        });
    if (wanted.isEmpty()) {
      return;
    }
    Map<String, Document> texts = RawDocuments.byId(mongo, gen.questions(), textIds, "text");
    List<UpdateOneModel<Document>> writes = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> group : wanted.entrySet()) {
      Document set = new Document();
      group
          .getValue()
          .forEach(
              (lang, questionId) -> {
                Document question = texts.get(questionId);
                if (question != null && question.getString("text") != null) {
                  set.put("representative." + lang, question.getString("text"));
                }
              });
      if (!set.isEmpty()) {
        writes.add(
            new UpdateOneModel<>(new Document("_id", group.getKey()), new Document("$set", set)));
      }
    }
    if (!writes.isEmpty()) {
      RawDocuments.write(mongo, gen.groups(), writes);
      wanted.forEach((key, chosen) -> storedRepresentatives.put(gen.id() + "|" + key, chosen));
    }
  }

  /** The question as the event leaves it; null when the event can not apply to it. */
  private static Document next(Document question, QuestionEvent event) {
    Document after = new Document(question);
    if (event instanceof QuestionApproved) {
      after.put("status", "APPROVED");
    } else if (event instanceof QuestionRejected) {
      after.put("status", "REJECTED");
    } else if (event instanceof QuestionWithdrawn) {
      after.put("status", "WITHDRAWN");
    } else if (event instanceof QuestionAnswered answered) {
      after.put("status", "ANSWERED");
      after.put("answer", answered.answer());
    } else if (event instanceof QuestionEdited edited) {
      after.put("text", edited.text());
    } else if (event instanceof QuestionSupported supported) {
      after.put("supporters", (int) number(question.get("supporters")) + 1);
      after.put("supportCount", supported.supportCount());
    } else if (event instanceof QuestionSupportWithdrawn withdrawn) {
      long supporters = number(question.get("supporters"));
      if (supporters == 0) {
        // A withdrawal of a support this projection never saw (its event was dead-lettered).
        log.warn("support withdrawn from {} which has none; ignored", event.questionId());
        return null;
      }
      after.put("supporters", (int) supporters - 1);
      after.put("supportCount", withdrawn.supportCount());
    }
    return after;
  }

  private static Document newQuestion(QuestionSubmitted q, String groupId, long seq) {
    return new Document("_id", q.questionId().value())
        .append("forumId", q.forumId().value())
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
        .append("supportCount", 0)
        .append("askedAt", Date.from(q.occurredAt()))
        .append("seq", seq)
        .append(SeqGuardedWrites.LAST_SEQ, seq)
        .append(GuardedUpdate.VERSION, 0);
  }

  /** Inserts all; false if some already existed (those are left as they are). */
  private boolean insertAll(String collection, List<Document> documents) {
    List<InsertOneModel<Document>> inserts = new ArrayList<>(documents.size());
    documents.forEach(d -> inserts.add(new InsertOneModel<>(d)));
    return RawDocuments.write(mongo, collection, inserts).duplicates() == 0;
  }

  private static boolean counted(Document question) {
    return question != null && VISIBLE.contains(question.getString("status"));
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
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

  /** The batch met documents another instance changed meanwhile. */
  private static final class ConcurrentChange extends RuntimeException {
    ConcurrentChange(String message) {
      super(message, null, false, false);
    }
  }
}
