package kz.forumpulse.feedback.question;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import kz.forumpulse.feedback.participant.Participant;
import kz.forumpulse.feedback.participant.ParticipantDirectory;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stops a participant flooding a forum with questions: {@code forum.questions.flood.max} questions
 * per {@code forum.questions.flood.window}. The times of a participant's last {@code max} questions
 * live on their own document in this service's participant view ({@value #LOG}), sorted. A question
 * finds its participant and counts itself in one conditional update ("this code, may ask, and fewer
 * than max kept or the oldest kept has left the window: add this time, keep the newest max"), which
 * the database applies atomically, so the limit holds across any number of service instances and a
 * question costs one round trip for both (ADR 0012). Only a miss reads again, to say why: unknown
 * code, may not ask, or when to try again.
 */
@Component
class FloodLimit {

  /** The log's field on the participant's document. */
  static final String LOG = "questionLog";

  private static final int MAX_ATTEMPTS = 20;

  private final ParticipantDirectory participants;
  private final MongoTemplate mongo;
  private final Clock clock;
  private final SlidingWindow window;

  FloodLimit(
      ParticipantDirectory participants,
      MongoTemplate mongo,
      Clock clock,
      @Value("${forum.questions.flood.max:10}") int max,
      @Value("${forum.questions.flood.window:10m}") Duration window) {
    if (max < 1) {
      throw new IllegalArgumentException("forum.questions.flood.max must be at least 1: " + max);
    }
    this.participants = participants;
    this.mongo = mongo;
    this.clock = clock;
    this.window = new SlidingWindow(max, window);
  }

  /**
   * Counts one question of the participant holding this code and returns them; or throws a 403
   * problem (unknown code, may not ask) or {@link FloodLimitExceeded}.
   */
  Participant acquire(String forumId, String accessCode) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Date cutoff = Date.from(now.minus(window.window()));
      // The log holds the newest max times, oldest first: there is room when it is shorter than
      // max (or absent), or when its oldest time has left the window.
      Criteria roomLeft =
          new Criteria()
              .orOperator(
                  Criteria.where(LOG + "." + (window.max() - 1)).exists(false),
                  Criteria.where(LOG + ".0").lte(cutoff));
      Update count =
          new Update().push(LOG).sort(Sort.Direction.ASC).slice(-window.max()).each(Date.from(now));
      Optional<Participant> counted =
          participants.changeIfActive(forumId, accessCode, roomLeft, count);
      if (counted.isPresent()) {
        return counted.get();
      }
      // Unknown code (perhaps registered a moment ago: the look-up waits for it), may not ask
      // (both throw), or no room.
      Participant participant = participants.requireActiveStored(forumId, accessCode);
      Document stored =
          mongo.findById(
              participant.id(), Document.class, mongo.getCollectionName(Participant.class));
      List<Instant> earlier =
          stored == null
              ? List.of()
              : stored.getList(LOG, Date.class, List.of()).stream().map(Date::toInstant).toList();
      SlidingWindow.Decision decision = window.decide(earlier, clock.instant());
      if (!decision.allowed()) {
        throw new FloodLimitExceeded(
            decision.retryAfter(), window.max(), window.window().toMinutes());
      }
      // Room after all: the participant's event arrived during the look-up's grace period, a
      // concurrent question took the last slot and a time left the window since, or another
      // question changed the log between the two reads. Count again.
    }
    // Twenty lost races in a row means this participant is sending in parallel: that is a flood.
    throw new FloodLimitExceeded(Duration.ofSeconds(1), window.max(), window.window().toMinutes());
  }
}
