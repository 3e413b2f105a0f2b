package kz.forumpulse.systemtests.faults;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

/**
 * Compares what was accepted with what the reports show: from the report API (what a reader sees)
 * and from the report database (which ids are counted, to tell a lost write from a double count).
 */
final class Measure {

  private Measure() {}

  /** The figures of a set of forums at one moment. */
  record Counts(long writes, long applied, long lost, long doubleCounted) {
    boolean exact() {
      return lost == 0 && doubleCounted == 0;
    }
  }

  static Counts count(
      FaultyStack stack,
      String reportingUrl,
      String reportingDb,
      Collection<ForumWorkload> forums) {
    long writes = 0;
    long applied = 0;
    long lost = 0;
    long doubled = 0;
    try (MongoClient client = MongoClients.create(stack.mongoUri())) {
      MongoDatabase db = client.getDatabase(reportingDb);
      Document pointer =
          db.getCollection("report_generations").find(Filters.eq("_id", "active")).first();
      String gen = pointer == null ? "g1" : pointer.getString("generation");
      for (ForumWorkload w : forums) {
        Set<String> participants = Set.copyOf(w.participants);
        Set<String> questions = Set.copyOf(w.questions);
        long reported =
            attendanceTotal(reportingUrl, w.forumId) + faqQuestions(reportingUrl, w.forumId);
        Set<String> attendanceIds = new HashSet<>();
        db.getCollection("attendance_participants_" + gen)
            .find(Filters.eq("forumId", w.forumId))
            .forEach(d -> attendanceIds.add(String.valueOf(d.get("_id"))));
        // A question counts in the FAQ while it is visible; the groups' counts (what the report
        // sums) must equal the number of such questions, so a double count shows in `reported`.
        Set<String> countedIds = new HashSet<>();
        db.getCollection("faq_questions_" + gen)
            .find(
                Filters.and(
                    Filters.eq("forumId", w.forumId),
                    Filters.in("status", "PUBLISHED", "APPROVED", "ANSWERED")))
            .forEach(d -> countedIds.add(String.valueOf(d.get("_id"))));
        long missing =
            participants.stream().filter(id -> !attendanceIds.contains(id)).count()
                + questions.stream().filter(id -> !countedIds.contains(id)).count();
        long expected = participants.size() + questions.size();
        writes += expected;
        applied += reported;
        lost += missing;
        doubled += Math.max(0, reported - (expected - missing));
      }
    }
    return new Counts(writes, applied, lost, doubled);
  }

  static long attendanceTotal(String reportingUrl, String forumId) {
    HttpResponse<String> r =
        Http.get(reportingUrl + "/api/forums/" + forumId + "/reports/attendance", Http.organiser());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("attendance report: " + r.statusCode() + " " + r.body());
    }
    return ((Number) JsonPath.read(r.body(), "$.total")).longValue();
  }

  static long faqQuestions(String reportingUrl, String forumId) {
    HttpResponse<String> r =
        Http.get(
            reportingUrl + "/api/forums/" + forumId + "/reports/faq?limit=500", Http.organiser());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("faq report: " + r.statusCode() + " " + r.body());
    }
    return ((Number) JsonPath.read(r.body(), "$.questions")).longValue();
  }

  /** Distinct event ids and records of these forums on the attendee and question topics. */
  static long[] published(FaultyStack stack, Collection<ForumWorkload> forums) {
    Set<String> keys = new HashSet<>();
    forums.forEach(w -> keys.add(w.forumId));
    List<ConsumerRecord<byte[], byte[]>> records =
        RawTopics.readAll(
            stack.bootstrapServers(), List.of(RawTopics.ATTENDEES, RawTopics.QUESTIONS));
    Set<String> ids = new HashSet<>();
    long total = 0;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      if (keys.contains(RawTopics.key(record))) {
        total++;
        String id = RawTopics.eventId(record);
        if (id != null) {
          ids.add(id);
        }
      }
    }
    return new long[] {ids.size(), total};
  }

  /**
   * Waits until every accepted write of the forums is in the reports exactly once (or the recovery
   * timeout passes), then measures once more after a quiet moment so late duplicates show, and
   * returns the scenario's figures. Recovery time runs from {@code faultEnded}.
   */
  static ScenarioResult settle(
      FaultyStack stack,
      String scenario,
      Collection<ForumWorkload> forums,
      String reportingUrl,
      String reportingDb,
      Instant faultEnded,
      String notes) {
    Duration recovery = null;
    long deadline = System.nanoTime() + FaultSettings.recoveryTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (count(stack, reportingUrl, reportingDb, forums).exact()) {
          recovery = Duration.between(faultEnded, Instant.now());
          break;
        }
      } catch (RuntimeException e) {
        // a report or the database not answering yet: keep waiting
      }
      ForumWorkload.sleep(1000);
    }
    ForumWorkload.sleep(3000);
    Counts counts = count(stack, reportingUrl, reportingDb, forums);
    long[] published = published(stack, forums);
    ScenarioResult result =
        new ScenarioResult(
            scenario,
            counts.writes(),
            published[0],
            published[1],
            counts.applied(),
            counts.lost(),
            counts.doubleCounted(),
            recovery,
            notes);
    FaultLedger.record(result);
    return result;
  }
}
