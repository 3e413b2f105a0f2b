package kz.forumpulse.reporting.attendance;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.facet;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.unwind;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kz.forumpulse.reporting.store.ReportStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * The attendance report: one aggregation over the forum's participant documents (a forum has
 * hundreds to a few thousand participants, so this stays in milliseconds).
 */
@Service
class AttendanceReports {

  /** Statuses of people who are not coming. */
  static final Set<String> NOT_COMING = Set.of("CANCELLED", "DECLINED", "ERASED");

  private final MongoTemplate mongo;
  private final ReportStore store;

  AttendanceReports(MongoTemplate mongo, ReportStore store) {
    this.mongo = mongo;
    this.store = store;
  }

  AttendanceReport attendance(String forumId, AttendanceFilter filter) {
    Criteria all = Criteria.where("forumId").is(forumId);
    if (filter.district() != null) {
      all = all.and("district").is(filter.district());
    }
    if (filter.role() != null) {
      all = all.and("role").is(filter.role());
    }
    if (filter.status() != null) {
      all = all.and("status").is(filter.status());
    }
    Criteria coming = Criteria.where("status").nin(NOT_COMING);
    Aggregation aggregation =
        newAggregation(
            match(all),
            facet(group("status").count().as("n"))
                .as("byStatus")
                .and(match(coming), group("district").count().as("n"))
                .as("byDistrict")
                .and(match(coming), group("ruralDistrict").count().as("n"))
                .as("byRuralDistrict")
                .and(match(coming), group("role").count().as("n"))
                .as("byRole")
                .and(match(coming), unwind("sessions"), group("sessions").count().as("n"))
                .as("bySession")
                .and(group("registeredOn").count().as("n"))
                .as("byDay")
                .and(match(coming), group("elected").count().as("n"))
                .as("elected")
                .and(match(coming), group("partyMember").count().as("n"))
                .as("partyMember")
                .and(match(coming), group("checkedIn").count().as("n"))
                .as("checkedIn"));
    Document result =
        mongo
            .aggregate(aggregation, store.active().attendance(), Document.class)
            .getUniqueMappedResult();
    Map<String, Long> byStatus = counts(result, "byStatus");
    long total =
        byStatus.entrySet().stream()
            .filter(e -> !NOT_COMING.contains(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    Map<String, Long> elected = counts(result, "elected");
    long checkedIn = counts(result, "checkedIn").getOrDefault("true", 0L);
    long expected =
        byStatus.getOrDefault("REGISTERED", 0L)
            + byStatus.getOrDefault("APPROVED", 0L)
            + byStatus.getOrDefault("CHECKED_IN", 0L);
    return new AttendanceReport(
        forumId,
        total,
        byStatus,
        counts(result, "byDistrict"),
        counts(result, "byRuralDistrict"),
        counts(result, "byRole"),
        counts(result, "bySession"),
        counts(result, "byDay"),
        elected.getOrDefault("true", 0L),
        elected.getOrDefault("false", 0L),
        counts(result, "partyMember").getOrDefault("true", 0L),
        checkedIn,
        expected == 0 ? 0 : Math.round(1000.0 * checkedIn / expected) / 1000.0);
  }

  private static Map<String, Long> counts(Document result, String facet) {
    Map<String, Long> counts = new TreeMap<>();
    if (result != null) {
      for (Document row : result.getList(facet, Document.class, List.of())) {
        Object key = row.get("_id");
        if (key != null) {
          counts.put(String.valueOf(key), ((Number) row.get("n")).longValue());
        }
      }
    }
    return counts;
  }
}
