package kz.forumpulse.reporting.faq;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import kz.forumpulse.faq.FaqGrouper;
import kz.forumpulse.reporting.store.Generation;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * One grouping engine per forum and project, kept in memory. After a restart an engine is rebuilt
 * from the stored questions in their original order (Kafka offset within the forum's partition), so
 * it reaches exactly the state it had and later questions land in the same groups.
 */
@Component
class Groupers {

  private final MongoTemplate mongo;
  private final ConcurrentHashMap<String, FaqGrouper> engines = new ConcurrentHashMap<>();

  Groupers(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Runs {@code work} with exclusive use of the forum's project engine. */
  <T> T with(Generation gen, String forumId, String project, Function<FaqGrouper, T> work) {
    FaqGrouper engine =
        engines.computeIfAbsent(
            gen.id() + "|" + forumId + "|" + project, key -> load(gen, forumId, project));
    synchronized (engine) {
      return work.apply(engine);
    }
  }

  /**
   * Like {@link #with} but only for a project that has questions: public lookups for forums or
   * projects that do not exist must not fill memory with empty engines.
   */
  <T> T withExisting(
      Generation gen, String forumId, String project, Function<FaqGrouper, T> work, T otherwise) {
    String key = gen.id() + "|" + forumId + "|" + project;
    if (!engines.containsKey(key)
        && !mongo.exists(
            Query.query(Criteria.where("forumId").is(forumId).and("project").is(project)),
            gen.questions())) {
      return otherwise;
    }
    return with(gen, forumId, project, work);
  }

  /** Frees the engines of a generation that is no longer live. */
  void forget(Generation gen) {
    engines.keySet().removeIf(key -> key.startsWith(gen.id() + "|"));
  }

  private FaqGrouper load(Generation gen, String forumId, String project) {
    FaqGrouper engine = new FaqGrouper();
    Query stored =
        Query.query(Criteria.where("forumId").is(forumId).and("project").is(project))
            .with(Sort.by("seq", "_id"));
    stored.fields().include("_id", "text", "language");
    try (var questions = mongo.stream(stored, Document.class, gen.questions())) {
      questions.forEach(
          q -> engine.add(q.getString("_id"), q.getString("text"), q.getString("language")));
    }
    return engine;
  }
}
