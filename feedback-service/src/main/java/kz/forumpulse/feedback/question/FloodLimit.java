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
 * per {@code forum.questions.flood.window}. The times of a participant's last {@code max} questions
 * live in one document, sorted; a question is counted by one conditional update ("fewer than max
 * kept, or the oldest kept has left the window: add this one, keep the newest max"), which the
 * database applies atomically, so the limit holds across any number of service instances and costs
 * one round trip. Only a refusal reads the log, to say when to try again.
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
    if (max < 1) {
      throw new IllegalArgumentException("forum.questions.flood.max must be at least 1: " + max);
    }
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
      Date cutoff = Date.from(now.minus(window.window()));
      // The log holds the newest max times, oldest first: there is room when it is shorter than
      // max, or when its oldest time has left the window.
      Query roomLeft =
          Query.query(
              Criteria.where("_id")
                  .is(key)
                  .orOperator(
                      Criteria.where("log." + (window.max() - 1)).exists(false),
                      Criteria.where("log.0").lte(cutoff)));
      Update count =
          new Update()
              .set("expiresAt", Date.from(now.plus(window.window())))
              .push("log")
              .sort(Sort.Direction.ASC)
              .slice(-window.max())
              .each(Date.from(now));
      try {
        // No log yet: the upsert creates it. A log without room: the filter misses, the upsert's
        // insert collides with the existing document, and the log is read to find out why.
        mongo.upsert(roomLeft, count, COLLECTION);
        return;
      } catch (DuplicateKeyException noRoomOrRace) {
        Document stored = mongo.findById(key, Document.class, COLLECTION);
        List<Instant> earlier =
            stored == null
                ? List.of()
                : stored.getList("log", Date.class, List.of()).stream()
                    .map(Date::toInstant)
                    .toList();
        SlidingWindow.Decision decision = window.decide(earlier, clock.instant());
        if (!decision.allowed()) {
          throw new FloodLimitExceeded(
              decision.retryAfter(), window.max(), window.window().toMinutes());
        }
        // Room after all: a concurrent first question created the log, or a time just left the
        // window. Count again.
      }
    }
    // Twenty lost races in a row means this participant is sending in parallel: that is a flood.
    throw new FloodLimitExceeded(Duration.ofSeconds(1), window.max(), window.window().toMinutes());
  }
}
