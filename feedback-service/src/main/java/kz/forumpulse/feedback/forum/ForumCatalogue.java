package kz.forumpulse.feedback.forum;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import kz.forumpulse.events.ForumEvent;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ForumScheduled;
import kz.forumpulse.events.ForumSession;
import kz.forumpulse.events.ForumUpdated;
import kz.forumpulse.events.ProjectCatalogueChanged;
import kz.forumpulse.events.ProjectCatalogueChanged.CatalogueProject;
import kz.forumpulse.events.Topics;
import kz.forumpulse.support.cache.EventuallyFound;
import kz.forumpulse.support.cache.ReadCache;
import kz.forumpulse.support.outbox.OutboxEntry;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Forums and their project catalogues, as learnt from the forum topic and edited by organisers.
 *
 * <p>A catalogue change and its event are written in one update of the forum document, guarded by
 * {@code catalogueVersion}: two organisers editing at once cannot lose each other's change, and no
 * change exists without its event.
 */
@Service
public class ForumCatalogue {

  /** The default catalogue of a forum: the party's projects from the brief. */
  static final List<Project> DEFAULT_PROJECTS =
      List.of(
          new Project("AUYL_AMANATY", "«Ауыл аманаты»", "«Ауыл аманаты»", true),
          new Project("ZHER_AMANATY", "«Жер аманаты»", "«Жер аманаты»", true),
          new Project("FROM_CITY_TO_VILLAGE", "«Из города – в село»", "«Қаладан – ауылға»", true),
          new Project("WITH_THE_PEOPLE", "«Вместе с народом!»", "«Халықпен бірге!»", true),
          new Project("OTHER", "Другие вопросы", "Басқа сұрақтар", true));

  private static final int MAX_ATTEMPTS = 10;

  private final MongoTemplate mongo;
  private final OutboxRelay relay;
  private final Clock clock;
  private final Duration registrationGrace;

  /** Every question, support and wall request checks its forum: kept briefly (ReadCache). */
  private final ReadCache<String, KnownForum> cache;

  ForumCatalogue(
      MongoTemplate mongo,
      OutboxRelay relay,
      Clock clock,
      @Value("${forum.forums.cache-ttl:1s}") Duration cacheTtl,
      @Value("${forum.participants.registration-grace:3s}") Duration registrationGrace) {
    this.mongo = mongo;
    this.relay = relay;
    this.clock = clock;
    this.registrationGrace = registrationGrace;
    this.cache = new ReadCache<>(cacheTtl, 10_000);
  }

  /** Applies a forum event; applying the same event again changes nothing. */
  public void apply(ForumEvent event) {
    if (event instanceof ForumScheduled scheduled) {
      // Upsert keeps a catalogue an organiser may already have edited. The default catalogue's
      // event is inserted with the document, so a redelivered ForumScheduled adds no second one.
      OutboxEntry initialised =
          catalogueEvent(
              scheduled.forumId().value(), 1, "INITIALISED", null, "system", DEFAULT_PROJECTS);
      mongo.upsert(
          Query.query(Criteria.where("_id").is(scheduled.forumId().value())),
          new Update()
              .set("titleRu", scheduled.titleRu())
              .set("titleKk", scheduled.titleKk())
              .set("districtCodes", scheduled.districtCodes())
              .set("sessionCodes", codes(scheduled.sessions()))
              .setOnInsert("projects", DEFAULT_PROJECTS)
              .setOnInsert("catalogueVersion", 1L)
              .setOnInsert("outbox", List.of(initialised)),
          KnownForum.class);
      cache.invalidate(scheduled.forumId().value());
      relay.wakeUp();
    } else if (event instanceof ForumUpdated updated) {
      // Carries the whole new state; the revision guard ignores an older update arriving late.
      mongo.updateFirst(
          Query.query(
              new Criteria()
                  .andOperator(
                      Criteria.where("_id").is(updated.forumId().value()),
                      new Criteria()
                          .orOperator(
                              Criteria.where("forumRevision").exists(false),
                              Criteria.where("forumRevision").lt(updated.revision())))),
          new Update()
              .set("titleRu", updated.titleRu())
              .set("titleKk", updated.titleKk())
              .set("districtCodes", updated.districtCodes())
              .set("sessionCodes", codes(updated.sessions()))
              .set("forumRevision", updated.revision()),
          KnownForum.class);
      cache.invalidate(updated.forumId().value());
    }
  }

  private static List<String> codes(List<ForumSession> sessions) {
    return sessions == null ? List.of() : sessions.stream().map(ForumSession::code).toList();
  }

  /**
   * The forum as this instance last read it, at most {@code forum.forums.cache-ttl} ago (a change
   * through this instance is seen at once).
   */
  public Optional<KnownForum> find(String forumId) {
    return cache.get(forumId, this::read);
  }

  private Optional<KnownForum> read(String forumId) {
    return Optional.ofNullable(mongo.findById(forumId, KnownForum.class));
  }

  /** The forum, or a 404 problem. */
  public KnownForum require(String forumId) {
    return find(forumId)
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "forumNotFound", forumId));
  }

  /**
   * The forum a participant acts in, or a 404 problem. A forum not known here yet is looked up
   * again for the registration grace period ({@code forum.participants.registration-grace}): a
   * participant may register and ask moments after the organiser created the forum, before its
   * event has arrived here — as their own registration may not have (ParticipantDirectory).
   */
  public KnownForum requireForParticipant(String forumId) {
    return EventuallyFound.within(registrationGrace, () -> find(forumId))
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "forumNotFound", forumId));
  }

  /** Organisers' question settings; a null value leaves that setting as it is. */
  public KnownForum updateSettings(String forumId, ModerationMode mode, Boolean questionsOpen) {
    require(forumId);
    Update update = new Update();
    if (mode != null) {
      update.set("moderation", mode);
    }
    if (questionsOpen != null) {
      update.set("questionsOpen", questionsOpen);
    }
    if (!update.getUpdateObject().isEmpty()) {
      mongo.updateFirst(Query.query(Criteria.where("_id").is(forumId)), update, KnownForum.class);
      cache.invalidate(forumId);
    }
    return require(forumId);
  }

  Project addProject(String forumId, Project project, String actor) {
    return change(
        forumId,
        "ADDED",
        project.code(),
        actor,
        projects -> {
          if (projects.stream().anyMatch(p -> p.code().equals(project.code()))) {
            throw ApiProblem.forField(HttpStatus.CONFLICT, "code", "projectExists", project.code());
          }
          List<Project> changed = new ArrayList<>(projects);
          changed.add(project);
          return changed;
        });
  }

  Project renameProject(String forumId, String code, String nameRu, String nameKk, String actor) {
    return change(
        forumId,
        "RENAMED",
        code,
        actor,
        projects ->
            replace(projects, code, p -> new Project(p.code(), nameRu, nameKk, p.active())));
  }

  Project retireProject(String forumId, String code, String actor) {
    return change(
        forumId,
        "RETIRED",
        code,
        actor,
        projects ->
            replace(projects, code, p -> new Project(p.code(), p.nameRu(), p.nameKk(), false)));
  }

  /**
   * Applies {@code edit} to the catalogue and stores the result with its event, retrying when
   * another change got in first. An edit that changes nothing stores nothing (repeats are
   * harmless).
   */
  private Project change(
      String forumId, String change, String code, String actor, UnaryOperator<List<Project>> edit) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // The compare-and-set below needs the stored version, not a kept copy.
      KnownForum forum =
          read(forumId)
              .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "forumNotFound", forumId));
      List<Project> changed = edit.apply(forum.projects());
      Project result =
          changed.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
      if (changed.equals(forum.projects())) {
        return result;
      }
      long next = forum.catalogueVersion() + 1;
      var updated =
          mongo.updateFirst(
              Query.query(
                  Criteria.where("_id")
                      .is(forumId)
                      .and("catalogueVersion")
                      .is(forum.catalogueVersion())),
              new Update()
                  .set("projects", changed)
                  .set("catalogueVersion", next)
                  .push("outbox", catalogueEvent(forumId, next, change, code, actor, changed)),
              KnownForum.class);
      if (updated.getModifiedCount() > 0) {
        cache.invalidate(forumId);
        relay.wakeUp();
        return result;
      }
    }
    throw new ApiProblem(HttpStatus.CONFLICT, "concurrentChange");
  }

  private static List<Project> replace(
      List<Project> projects, String code, UnaryOperator<Project> replacement) {
    if (projects.stream().noneMatch(p -> p.code().equals(code))) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "projectNotFound", code);
    }
    return projects.stream().map(p -> p.code().equals(code) ? replacement.apply(p) : p).toList();
  }

  private OutboxEntry catalogueEvent(
      String forumId,
      long version,
      String change,
      String code,
      String actor,
      List<Project> projects) {
    return OutboxEntry.of(
        Topics.CATALOGUE,
        new ProjectCatalogueChanged(
            UUID.randomUUID(),
            ProjectCatalogueChanged.VERSION,
            clock.instant(),
            ForumId.of(forumId),
            version,
            change,
            code,
            actor,
            projects.stream()
                .map(p -> new CatalogueProject(p.code(), p.nameRu(), p.nameKk(), p.active()))
                .toList()));
  }
}
