package kz.forumpulse.reporting.curation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.forumpulse.events.CurationEvent;
import kz.forumpulse.events.FaqCurationUndone;
import kz.forumpulse.events.FaqGroupsMerged;
import kz.forumpulse.events.FaqQuestionMoved;
import kz.forumpulse.events.FaqRepresentativeSet;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.QuestionId;
import kz.forumpulse.events.Topics;
import kz.forumpulse.reporting.live.AggregateChanged;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportStamps;
import kz.forumpulse.reporting.store.ReportStore;
import kz.forumpulse.support.outbox.OutboxEntry;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.support.web.ApiProblem;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Moderators' corrections of the automatic FAQ grouping. Each action is an event on the curation
 * topic (stored with its outbox entry in one document, so it cannot be lost) and is kept per forum
 * as an ordered list; the FAQ report applies the effective ones on top of the automatic groups.
 * Because the list is rebuilt from the topic like every other aggregate, curation survives a
 * rebuild, and undoing an action only marks it undone.
 */
@Service
public class Curations {

  static final String COMMANDS = "faq_curation_commands";
  private static final Set<String> LANGUAGES = Set.of("ru", "kk");

  private final MongoTemplate mongo;
  private final ReportStore store;
  private final OutboxRelay relay;
  private final ApplicationEventPublisher changes;
  private final ReportStamps stamps;
  private final Clock clock;

  Curations(
      MongoTemplate mongo,
      ReportStore store,
      OutboxRelay relay,
      ApplicationEventPublisher changes,
      ReportStamps stamps,
      Clock clock) {
    this.stamps = stamps;
    this.mongo = mongo;
    this.store = store;
    this.relay = relay;
    this.changes = changes;
    this.clock = clock;
  }

  CurationAction merge(String forumId, String project, String source, String target, String who) {
    Generation gen = store.active();
    requireGroup(gen, forumId, project, source, "sourceGroupId");
    requireGroup(gen, forumId, project, target, "targetGroupId");
    if (source.equals(target)
        || CurationOverlay.of(actions(forumId, gen)).resolve(project, target).equals(source)) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "targetGroupId", "mergeIntoItself");
    }
    return record(
        new FaqGroupsMerged(
            UUID.randomUUID(),
            FaqGroupsMerged.VERSION,
            clock.instant(),
            ForumId.of(forumId),
            project,
            source,
            target,
            who));
  }

  CurationAction move(
      String forumId, String project, String questionId, String target, String who) {
    Generation gen = store.active();
    Document question = mongo.findById(questionId, Document.class, gen.questions());
    if (question == null
        || !forumId.equals(question.getString("forumId"))
        || !project.equals(question.getString("project"))) {
      throw ApiProblem.forField(HttpStatus.NOT_FOUND, "questionId", "unknownQuestion", questionId);
    }
    if (target != null) {
      requireGroup(gen, forumId, project, target, "targetGroupId");
    }
    return record(
        new FaqQuestionMoved(
            UUID.randomUUID(),
            FaqQuestionMoved.VERSION,
            clock.instant(),
            ForumId.of(forumId),
            project,
            QuestionId.of(questionId),
            target,
            who));
  }

  CurationAction representative(
      String forumId, String project, String groupId, String language, String text, String who) {
    requireGroup(store.active(), forumId, project, groupId, "groupId");
    if (!LANGUAGES.contains(language)) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "language", "unknownLanguage", language);
    }
    return record(
        new FaqRepresentativeSet(
            UUID.randomUUID(),
            FaqRepresentativeSet.VERSION,
            clock.instant(),
            ForumId.of(forumId),
            project,
            groupId,
            language,
            text.strip(),
            who));
  }

  void undo(String forumId, String actionId, String who) {
    boolean known =
        actions(forumId, store.active()).stream().anyMatch(a -> a.eventId().equals(actionId));
    if (!known) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "unknownCurationAction", actionId);
    }
    record(
        new FaqCurationUndone(
            UUID.randomUUID(),
            FaqCurationUndone.VERSION,
            clock.instant(),
            ForumId.of(forumId),
            UUID.fromString(actionId),
            who));
  }

  /** Every action of the forum, effective or undone, oldest first. */
  List<Document> history(String forumId) {
    Document doc = mongo.findById(forumId, Document.class, store.active().curation());
    if (doc == null) {
      return List.of();
    }
    List<String> undone = doc.getList("undone", String.class, List.of());
    List<Document> all = new ArrayList<>();
    for (Document action : doc.getList("actions", Document.class, List.of())) {
      all.add(new Document(action).append("undone", undone.contains(action.getString("eventId"))));
    }
    return all;
  }

  /** The effective (not undone) actions of a forum in a generation, in the order taken. */
  public List<CurationAction> actions(String forumId, Generation gen) {
    Document doc = mongo.findById(forumId, Document.class, gen.curation());
    if (doc == null) {
      return List.of();
    }
    List<String> undone = doc.getList("undone", String.class, List.of());
    List<CurationAction> actions = new ArrayList<>();
    for (Document a : doc.getList("actions", Document.class, List.of())) {
      if (!undone.contains(a.getString("eventId"))) {
        Date at = a.getDate("at");
        actions.add(
            new CurationAction(
                a.getString("eventId"),
                a.getString("kind"),
                a.getString("project"),
                a.getString("source"),
                a.getString("target"),
                a.getString("questionId"),
                a.getString("language"),
                a.getString("text"),
                a.getString("moderator"),
                at == null ? null : at.toInstant()));
      }
    }
    return actions;
  }

  /** Applies a curation event to a generation once; applying it again changes nothing. */
  public void apply(CurationEvent event, Generation gen) {
    String forumId = event.forumId().value();
    String eventId = event.eventId().toString();
    Update update;
    Query query;
    if (event instanceof FaqCurationUndone undone) {
      query = Query.query(Criteria.where("_id").is(forumId));
      update = new Update().addToSet("undone", undone.undoneEventId().toString());
    } else {
      query = Query.query(Criteria.where("_id").is(forumId).and("actions.eventId").ne(eventId));
      update = new Update().push("actions", toDocument(event));
    }
    try {
      mongo.upsert(query, update, gen.curation());
    } catch (DuplicateKeyException alreadyApplied) {
      // Applied before; the crash may have come before the stamp moved on.
    }
    stamps.changed(List.of(forumId), gen);
    changes.publishEvent(new AggregateChanged(forumId, AggregateChanged.FAQ, gen));
  }

  private CurationAction record(CurationEvent event) {
    Document command =
        new Document("_id", event.eventId().toString())
            .append("forumId", event.forumId().value())
            .append("outbox", List.of(OutboxEntry.of(Topics.FAQ_CURATION, event)));
    mongo.insert(command, COMMANDS);
    relay.wakeUp();
    // Applied at once for the moderator's next read; the consumer's later apply is a no-op.
    store.withActive(
        gen -> {
          apply(event, gen);
          return null;
        });
    Document stored = toDocument(event);
    return new CurationAction(
        stored.getString("eventId"),
        stored.getString("kind"),
        stored.getString("project"),
        stored.getString("source"),
        stored.getString("target"),
        stored.getString("questionId"),
        stored.getString("language"),
        stored.getString("text"),
        event.moderator(),
        event.occurredAt());
  }

  private void requireGroup(
      Generation gen, String forumId, String project, String groupId, String field) {
    String key = forumId + "|" + project + "|" + groupId;
    if (groupId == null
        || !mongo.exists(Query.query(Criteria.where("_id").is(key)), gen.groups())) {
      throw ApiProblem.forField(HttpStatus.NOT_FOUND, field, "unknownGroup", groupId);
    }
  }

  private static Document toDocument(CurationEvent event) {
    Document d =
        new Document("eventId", event.eventId().toString())
            .append("moderator", event.moderator())
            .append("at", Date.from(event.occurredAt()));
    if (event instanceof FaqGroupsMerged m) {
      d.append("kind", "MERGE")
          .append("project", m.project())
          .append("source", m.sourceGroupId())
          .append("target", m.targetGroupId());
    } else if (event instanceof FaqQuestionMoved m) {
      d.append("kind", "MOVE")
          .append("project", m.project())
          .append("questionId", m.questionId().value())
          .append("target", m.targetGroupId());
    } else if (event instanceof FaqRepresentativeSet r) {
      d.append("kind", "TEXT")
          .append("project", r.project())
          .append("target", r.groupId())
          .append("language", r.language())
          .append("text", r.text());
    }
    return d;
  }
}
