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

  FaqReport faq(String forumId, FaqFilter filter, int limit, Locale locale) {
    Criteria criteria = Criteria.where("forumId").is(forumId).and("count").gt(0);
    if (filter.project() != null) {
      criteria = criteria.and("project").is(filter.project());
    }
    if (filter.district() != null) {
      criteria = criteria.and("districts." + FaqProjection.safeKey(filter.district())).gt(0);
    }
    if (filter.role() != null) {
      criteria = criteria.and("roles." + FaqProjection.safeKey(filter.role())).gt(0);
    }
    if (filter.from() != null) {
      criteria = criteria.and("lastAskedAt").gte(java.util.Date.from(filter.from()));
    }
    if (filter.to() != null) {
      criteria = criteria.and("firstAskedAt").lt(java.util.Date.from(filter.to()));
    }
    if (filter.answered() != null) {
      criteria =
          filter.answered()
              ? criteria.and("answered").gt(0)
              : new Criteria()
                  .andOperator(
                      criteria,
                      new Criteria()
                          .orOperator(
                              Criteria.where("answered").exists(false),
                              Criteria.where("answered").is(0)));
    }
    Query query =
        Query.query(criteria)
            .with(Sort.by(Sort.Order.desc("count"), Sort.Order.asc("firstAskedAt")))
            .limit(Math.min(Math.max(limit, 1), MAX_LIMIT));
    query.fields().exclude("questionIds").exclude("supportersOf").exclude("answeredIds");
    String lang = "kk".equals(locale.getLanguage()) ? "kk" : "ru";
    List<FaqGroupView> groups =
        mongo.find(query, Document.class, store.active().groups()).stream()
            .map(doc -> view(doc, lang))
            .toList();
    long questions = groups.stream().mapToLong(FaqGroupView::count).sum();
    return new FaqReport(forumId, filter.project(), questions, groups);
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
        number(doc, "supporters"),
        number(doc, "answered"),
        longs(doc.get("languages", Document.class)),
        longs(doc.get("districts", Document.class)),
        longs(doc.get("roles", Document.class)),
        doc.getDate("firstAskedAt") == null ? null : doc.getDate("firstAskedAt").toInstant(),
        doc.getDate("lastAskedAt") == null ? null : doc.getDate("lastAskedAt").toInstant());
  }

  private static long number(Document doc, String field) {
    Object value = doc.get(field);
    return value instanceof Number n ? n.longValue() : 0;
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
      doc.forEach(
          (k, v) -> {
            long n = ((Number) v).longValue();
            if (n > 0) {
              map.put(k, n);
            }
          });
    }
    return map;
  }
}
