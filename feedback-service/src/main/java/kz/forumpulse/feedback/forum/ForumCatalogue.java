package kz.forumpulse.feedback.forum;

import java.util.List;
import java.util.Optional;
import kz.forumpulse.events.ForumEvent;
import kz.forumpulse.events.ForumScheduled;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Forums and their project catalogues, as learnt from the forum topic. */
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

  private final MongoTemplate mongo;

  ForumCatalogue(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Applies a forum event; applying the same event again changes nothing. */
  public void apply(ForumEvent event) {
    if (event instanceof ForumScheduled scheduled) {
      // Upsert keeps a catalogue an organiser may already have edited.
      mongo.upsert(
          Query.query(Criteria.where("_id").is(scheduled.forumId().value())),
          new Update()
              .set("titleRu", scheduled.titleRu())
              .set("titleKk", scheduled.titleKk())
              .set("districtCodes", scheduled.districtCodes())
              .setOnInsert("projects", DEFAULT_PROJECTS),
          KnownForum.class);
    }
  }

  public Optional<KnownForum> find(String forumId) {
    return Optional.ofNullable(mongo.findById(forumId, KnownForum.class));
  }
}
