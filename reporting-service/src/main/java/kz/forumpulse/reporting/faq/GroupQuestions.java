package kz.forumpulse.reporting.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.forumpulse.reporting.curation.CurationOverlay;
import kz.forumpulse.reporting.curation.Curations;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportStore;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The questions of one FAQ group, as moderators curate them: the automatic members that were not
 * moved away, plus questions moved in. Names appear only on questions asked by name.
 */
@Service
class GroupQuestions {

  private final MongoTemplate mongo;
  private final ReportStore store;
  private final Curations curations;

  GroupQuestions(MongoTemplate mongo, ReportStore store, Curations curations) {
    this.mongo = mongo;
    this.store = store;
    this.curations = curations;
  }

  record GroupQuestion(
      String questionId,
      String text,
      String language,
      String district,
      String role,
      String status,
      long supporters,
      String authorName) {}

  List<GroupQuestion> of(String forumId, String project, String groupId) {
    Generation gen = store.active();
    CurationOverlay overlay = CurationOverlay.of(curations.actions(forumId, gen));
    Map<String, String> moves = overlay.moves();
    List<String> movedIn = new ArrayList<>();
    moves.forEach(
        (q, target) -> {
          if (overlay.resolve(project, target).equals(groupId)) {
            movedIn.add(q);
          }
        });
    List<String> groupIds = new ArrayList<>(List.of(groupId));
    // Groups merged into this one contribute their questions too.
    mongo
        .findDistinct(
            Query.query(Criteria.where("forumId").is(forumId).and("project").is(project)),
            "groupId",
            gen.questions(),
            String.class)
        .stream()
        .filter(g -> !g.equals(groupId) && overlay.resolve(project, g).equals(groupId))
        .forEach(groupIds::add);
    Criteria members =
        new Criteria()
            .orOperator(
                Criteria.where("groupId").in(groupIds).and("_id").nin(moves.keySet()),
                Criteria.where("_id").in(movedIn));
    Query query =
        Query.query(
                new Criteria()
                    .andOperator(
                        Criteria.where("forumId").is(forumId).and("project").is(project), members))
            .with(Sort.by("seq"))
            .limit(1000);
    return mongo.find(query, Document.class, gen.questions()).stream()
        .map(
            q ->
                new GroupQuestion(
                    q.getString("_id"),
                    q.getString("text"),
                    q.getString("language"),
                    q.getString("district"),
                    q.getString("role"),
                    q.getString("status"),
                    q.get("supporters") instanceof Number n ? n.longValue() : 0,
                    Boolean.TRUE.equals(q.getBoolean("anonymous"))
                        ? null
                        : q.getString("authorName")))
        .toList();
  }
}
