package kz.forumpulse.reporting.attendance;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.facet;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.forumpulse.reporting.store.ReportStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** The attendance report, one aggregation over the forum's participant documents. */
@Service
class AttendanceReports {

  private final MongoTemplate mongo;
  private final ReportStore store;

  AttendanceReports(MongoTemplate mongo, ReportStore store) {
    this.mongo = mongo;
    this.store = store;
  }

  AttendanceReport attendance(String forumId) {
    Aggregation aggregation =
        newAggregation(
            match(Criteria.where("forumId").is(forumId)),
            facet(group("status").count().as("n"))
                .as("byStatus")
                .and(group("district").count().as("n"))
                .as("byDistrict")
                .and(group("role").count().as("n"))
                .as("byRole")
                .and(match(Criteria.where("elected").is(true)), group().count().as("n"))
                .as("elected")
                .and(match(Criteria.where("partyMember").is(true)), group().count().as("n"))
                .as("partyMembers"));
    Document result =
        mongo
            .aggregate(aggregation, store.active().attendance(), Document.class)
            .getUniqueMappedResult();
    Map<String, Long> byStatus = counts(result, "byStatus");
    return new AttendanceReport(
        forumId,
        byStatus.values().stream().mapToLong(Long::longValue).sum(),
        byStatus,
        counts(result, "byDistrict"),
        counts(result, "byRole"),
        single(result, "elected"),
        single(result, "partyMembers"));
  }

  private static Map<String, Long> counts(Document result, String facet) {
    Map<String, Long> counts = new TreeMap<>();
    if (result != null) {
      for (Document row : result.getList(facet, Document.class, List.of())) {
        counts.put(String.valueOf(row.get("_id")), ((Number) row.get("n")).longValue());
      }
    }
    return counts;
  }

  private static long single(Document result, String facet) {
    return counts(result, facet).values().stream().mapToLong(Long::longValue).sum();
  }
}
