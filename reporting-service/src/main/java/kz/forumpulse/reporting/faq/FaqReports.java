package kz.forumpulse.reporting.faq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.forumpulse.reporting.store.ReportStore;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads the pre-computed FAQ groups: the cost depends on the number of groups shown only. */
@Service
class FaqReports {

  static final int MAX_LIMIT = 500;

  private final MongoTemplate mongo;
  private final ReportStore store;

  FaqReports(MongoTemplate mongo, ReportStore store) {
    this.mongo = mongo;
    this.store = store;
  }

  FaqReport faq(String forumId, String project, int limit, Locale locale) {
    Criteria criteria = Criteria.where("forumId").is(forumId);
    if (project != null) {
      criteria = criteria.and("project").is(project);
    }
    Query query =
        Query.query(criteria)
            .with(Sort.by(Sort.Order.desc("count"), Sort.Order.asc("firstAskedAt")))
            .limit(Math.min(Math.max(limit, 1), MAX_LIMIT));
    query.fields().exclude("questionIds");
    String lang = "kk".equals(locale.getLanguage()) ? "kk" : "ru";
    List<FaqGroupView> groups =
        mongo.find(query, Document.class, store.active().groups()).stream()
            .map(doc -> view(doc, lang))
            .toList();
    long questions = groups.stream().mapToLong(FaqGroupView::count).sum();
    return new FaqReport(forumId, project, questions, groups);
  }

  private static FaqGroupView view(Document doc, String lang) {
    Map<String, String> representative = strings(doc.get("representative", Document.class));
    String text =
        representative.getOrDefault(
            lang, representative.values().stream().findFirst().orElse(null));
    return new FaqGroupView(
        doc.getString("groupId"),
        doc.getString("project"),
        text,
        representative,
        ((Number) doc.get("count")).longValue(),
        longs(doc.get("languages", Document.class)),
        longs(doc.get("districts", Document.class)),
        longs(doc.get("roles", Document.class)),
        doc.getDate("firstAskedAt") == null ? null : doc.getDate("firstAskedAt").toInstant(),
        doc.getDate("lastAskedAt") == null ? null : doc.getDate("lastAskedAt").toInstant());
  }

  private static Map<String, String> strings(Document doc) {
    Map<String, String> map = new LinkedHashMap<>();
    if (doc != null) {
      doc.forEach((k, v) -> map.put(k, String.valueOf(v)));
    }
    return map;
  }

  private static Map<String, Long> longs(Document doc) {
    Map<String, Long> map = new java.util.TreeMap<>();
    if (doc != null) {
      doc.forEach((k, v) -> map.put(k, ((Number) v).longValue()));
    }
    return map;
  }
}
