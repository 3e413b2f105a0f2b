package kz.forumpulse.reporting.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads the pre-computed cells: the cost depends on the number of cells (combinations actually
 * present per day), never on the number of questions or supports.
 */
@Service
class QuestionsReports {

  static final Set<String> OPEN = Set.of("PUBLISHED", "PENDING_MODERATION", "APPROVED");
  static final String ANSWERED = "ANSWERED";

  private final MongoTemplate mongo;
  private final ReportStore store;

  QuestionsReports(MongoTemplate mongo, ReportStore store) {
    this.mongo = mongo;
    this.store = store;
  }

  QuestionsReport questions(String forumId, QuestionsFilter filter) {
    return questions(forumId, filter, store.active());
  }

  QuestionsReport questions(String forumId, QuestionsFilter filter, Generation gen) {
    Query query = Query.query(criteria(forumId, filter));
    // The member lists grow with the questions; the report needs only the totals.
    query.fields().exclude("members").exclude("supportsOf");
    Map<String, Long> byProject = new TreeMap<>();
    Map<String, Long> byDistrict = new TreeMap<>();
    Map<String, Long> byRole = new TreeMap<>();
    Map<String, Long> byLanguage = new TreeMap<>();
    Map<String, Long> byStatus = new TreeMap<>();
    Map<String, long[]> byDay = new TreeMap<>();
    // Sorted by the dimensions so the same data always reads the same (a rebuild compares equal).
    Map<List<String>, long[]> cells = new TreeMap<>(QuestionsReports::compareKeys);
    long total = 0;
    long answered = 0;
    long open = 0;
    long supports = 0;
    for (Document cell : mongo.find(query, Document.class, gen.questionCells())) {
      long n = number(cell.get("count"));
      long s = number(cell.get("supports"));
      String status = cell.getString("status");
      boolean isAnswered = ANSWERED.equals(status);
      boolean isOpen = OPEN.contains(status);
      total += n;
      supports += s;
      answered += isAnswered ? n : 0;
      open += isOpen ? n : 0;
      byProject.merge(cell.getString("project"), n, Long::sum);
      byDistrict.merge(cell.getString("district"), n, Long::sum);
      byRole.merge(cell.getString("role"), n, Long::sum);
      byLanguage.merge(cell.getString("language"), n, Long::sum);
      byStatus.merge(status, n, Long::sum);
      long[] day = byDay.computeIfAbsent(cell.getString("day"), d -> new long[4]);
      day[0] += n;
      day[1] += isAnswered ? n : 0;
      day[2] += isOpen ? n : 0;
      day[3] += s;
      List<String> key =
          List.of(
              cell.getString("project"),
              cell.getString("district"),
              cell.getString("role"),
              cell.getString("language"),
              status);
      long[] sums = cells.computeIfAbsent(key, k -> new long[2]);
      sums[0] += n;
      sums[1] += s;
    }
    Map<String, QuestionsReport.Day> days = new TreeMap<>();
    byDay.forEach((d, v) -> days.put(d, new QuestionsReport.Day(v[0], v[1], v[2], v[3])));
    List<QuestionsReport.Cell> cellList = new ArrayList<>();
    cells.forEach(
        (k, v) ->
            cellList.add(
                new QuestionsReport.Cell(
                    k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), v[0], v[1])));
    return new QuestionsReport(
        forumId,
        total,
        answered,
        open,
        supports,
        byProject,
        byDistrict,
        byRole,
        byLanguage,
        byStatus,
        days,
        cellList);
  }

  private static Criteria criteria(String forumId, QuestionsFilter filter) {
    // Cells a question has left stay behind with a zero count.
    Criteria criteria = Criteria.where("forumId").is(forumId).and("count").gt(0);
    if (filter.project() != null) {
      criteria = criteria.and("project").is(filter.project());
    }
    if (filter.district() != null) {
      criteria = criteria.and("district").is(filter.district());
    }
    if (filter.role() != null) {
      criteria = criteria.and("role").is(filter.role());
    }
    if (filter.language() != null) {
      criteria = criteria.and("language").is(filter.language());
    }
    if (filter.status() != null) {
      criteria = criteria.and("status").is(filter.status());
    }
    if (filter.from() != null || filter.to() != null) {
      // ISO days compare as text in date order.
      Criteria day = criteria.and("day");
      if (filter.from() != null) {
        day = day.gte(filter.from().toString());
      }
      if (filter.to() != null) {
        day = day.lte(filter.to().toString());
      }
    }
    return criteria;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
