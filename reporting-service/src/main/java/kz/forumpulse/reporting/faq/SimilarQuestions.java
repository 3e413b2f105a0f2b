package kz.forumpulse.reporting.faq;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.forumpulse.faq.SimilarQuestion;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * "Has this been asked already?" while a participant types: the closest existing questions of the
 * project, from the grouping engine's inverted index, so they can support one instead of asking
 * again. Shows texts only, never who asked.
 */
@Service
class SimilarQuestions {

  static final int MAX_RESULTS = 3;

  private final MongoTemplate mongo;
  private final Groupers groupers;
  private final ReportStore store;

  SimilarQuestions(MongoTemplate mongo, Groupers groupers, ReportStore store) {
    this.mongo = mongo;
    this.groupers = groupers;
    this.store = store;
  }

  List<SimilarQuestionView> similar(
      String forumId, String project, String text, String lang, int limit) {
    int n = Math.min(Math.max(limit, 1), MAX_RESULTS);
    Generation gen = store.active();
    List<SimilarQuestion> hits =
        groupers.withExisting(gen, forumId, project, g -> g.similar(text, lang, n), List.of());
    if (hits.isEmpty()) {
      return List.of();
    }
    Query byIds =
        Query.query(
            Criteria.where("_id").in(hits.stream().map(SimilarQuestion::questionId).toList()));
    byIds.fields().include("_id", "text", "language");
    Map<String, Document> texts =
        mongo.find(byIds, Document.class, gen.questions()).stream()
            .collect(Collectors.toMap(d -> d.getString("_id"), Function.identity()));
    return hits.stream()
        .filter(h -> texts.containsKey(h.questionId()))
        .map(
            h ->
                new SimilarQuestionView(
                    h.questionId(),
                    h.groupId(),
                    texts.get(h.questionId()).getString("text"),
                    texts.get(h.questionId()).getString("language"),
                    Math.round(h.score() * 1000) / 1000.0))
        .toList();
  }

  record SimilarQuestionView(
      String questionId, String groupId, String text, String language, double score) {}
}
