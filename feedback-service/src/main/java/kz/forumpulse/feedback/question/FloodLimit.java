package kz.forumpulse.feedback.question;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stops a participant flooding a forum with questions: {@code forum.questions.flood.max} questions
 * per {@code forum.questions.flood.window}. The log of recent questions lives in one document per
 * participant, replaced only if nobody changed it since it was read, so the limit holds across any
 * number of service instances.
 */
@Component
class FloodLimit {

  static final String COLLECTION = "question_flood_limits";
  private static final int MAX_ATTEMPTS = 20;

  private final MongoTemplate mongo;
  private final Clock clock;
  private final SlidingWindow window;

  FloodLimit(
      MongoTemplate mongo,
      Clock clock,
      @Value("${forum.questions.flood.max:10}") int max,
      @Value("${forum.questions.flood.window:10m}") Duration window) {
    this.mongo = mongo;
    this.clock = clock;
    this.window = new SlidingWindow(max, window);
    // Logs of participants who stopped asking expire by themselves.
    mongo
        .indexOps(COLLECTION)
        .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
  }

  /** Counts one question of this participant, or throws {@link FloodLimitExceeded}. */
  void acquire(String forumId, String participantId) {
    String key = forumId + "/" + participantId;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Document stored = mongo.findById(key, Document.class, COLLECTION);
      List<Instant> earlier =
          stored == null
              ? List.of()
              : stored.getList("log", Date.class, List.of()).stream().map(Date::toInstant).toList();
      SlidingWindow.Decision decision = window.decide(earlier, now);
      if (!decision.allowed()) {
        throw new FloodLimitExceeded(
            decision.retryAfter(), window.max(), window.window().toMinutes());
      }
      List<Date> log = decision.log().stream().map(Date::from).toList();
      Date expiresAt = Date.from(now.plus(window.window()));
      if (stored == null) {
        try {
          mongo.insert(
              new Document("_id", key)
                  .append("log", log)
                  .append("rev", 1L)
                  .append("expiresAt", expiresAt),
              COLLECTION);
          return;
        } catch (DuplicateKeyException concurrentFirstQuestion) {
          continue;
        }
      }
      long rev = stored.get("rev", Number.class).longValue();
      boolean written =
          mongo
                  .updateFirst(
                      Query.query(Criteria.where("_id").is(key).and("rev").is(rev)),
                      new Update().set("log", log).set("expiresAt", expiresAt).inc("rev", 1),
                      COLLECTION)
                  .getModifiedCount()
              > 0;
      if (written) {
        return;
      }
    }
    // Twenty lost races in a row means this participant is sending in parallel: that is a flood.
    throw new FloodLimitExceeded(Duration.ofSeconds(1), window.max(), window.window().toMinutes());
  }
}
