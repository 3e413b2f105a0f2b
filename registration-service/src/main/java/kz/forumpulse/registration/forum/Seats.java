package kz.forumpulse.registration.forum;

import java.util.Collection;
import java.util.Map;
import kz.forumpulse.events.ForumSession;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Free seats of each forum and each limited session, as counters in one document per forum ({@code
 * forum_seats}: {@code {_id: forumId, free, sessions: {CODE: free}, nextTicket, revision}}).
 *
 * <p>A seat is taken by one conditional single-document update ("free &gt; 0 for the forum and
 * every chosen limited session, then decrement them all"): MongoDB applies it atomically, so
 * concurrent registrations can never overbook, without transactions or locks. See ADR 0003.
 */
@Component
public class Seats {

  static final String COLLECTION = "forum_seats";

  private final MongoTemplate mongo;

  Seats(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Creates the counters of a new forum (before the forum itself: an orphan is harmless). */
  void open(String forumId, int capacity, Collection<ForumSession> sessions, long revision) {
    Document limited = new Document();
    sessions.stream()
        .filter(s -> s.capacity() != null)
        .forEach(s -> limited.append(s.code(), s.capacity()));
    try {
      mongo.insert(
          new Document("_id", forumId)
              .append("free", capacity)
              .append("sessions", limited)
              .append("nextTicket", 0L)
              .append("revision", revision),
          COLLECTION);
    } catch (DuplicateKeyException alreadyOpen) {
      // A retried create: the counters exist.
    }
  }

  /**
   * Applies a capacity change made by forum revision {@code revision} exactly once: the update is
   * conditional on the counters still being at the previous revision.
   */
  void adjust(String forumId, long revision, int freeDelta, Map<String, Integer> sessionDeltas) {
    Update update = new Update().set("revision", revision).inc("free", freeDelta);
    sessionDeltas.forEach((code, delta) -> update.inc("sessions." + code, delta));
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(forumId).and("revision").lt(revision)),
        update,
        COLLECTION);
  }

  /**
   * Takes one seat of the forum (when {@code forumSeat}) and of each chosen session that has a
   * capacity, all or nothing.
   *
   * @return whether the seats were taken
   */
  public boolean tryClaim(Forum forum, boolean forumSeat, Collection<String> sessions) {
    Criteria criteria = Criteria.where("_id").is(forum.id());
    Update update = new Update();
    if (forumSeat) {
      criteria.and("free").gt(0);
      update.inc("free", -1);
    }
    for (String code : limited(forum, sessions)) {
      criteria.and("sessions." + code).gt(0);
      update.inc("sessions." + code, -1);
    }
    if (update.getUpdateObject().isEmpty()) {
      return true;
    }
    return mongo.updateFirst(Query.query(criteria), update, COLLECTION).getModifiedCount() == 1;
  }

  /** Gives back seats taken by {@link #tryClaim}. */
  public void release(Forum forum, boolean forumSeat, Collection<String> sessions) {
    Update update = new Update();
    if (forumSeat) {
      update.inc("free", 1);
    }
    for (String code : limited(forum, sessions)) {
      update.inc("sessions." + code, 1);
    }
    if (!update.getUpdateObject().isEmpty()) {
      mongo.updateFirst(Query.query(Criteria.where("_id").is(forum.id())), update, COLLECTION);
    }
  }

  /** The next place in the forum's waiting line; strictly increasing, never reused. */
  public long nextTicket(String forumId) {
    Document counters =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is(forumId)),
            new Update().inc("nextTicket", 1L),
            FindAndModifyOptions.options().returnNew(true).upsert(true),
            Document.class,
            COLLECTION);
    return ((Number) counters.get("nextTicket")).longValue();
  }

  /** Free seats now (negative after a capacity was lowered below the seats taken). */
  public int freeSeats(String forumId) {
    Document counters = mongo.findById(forumId, Document.class, COLLECTION);
    return counters == null ? 0 : ((Number) counters.get("free")).intValue();
  }

  /**
   * Sets the counters from the seats actually held, to repair what a crash between a registration's
   * write and its seat update left behind.
   */
  public void recount(Forum forum, int seatsHeld, Map<String, Integer> sessionSeatsHeld) {
    Update update = new Update().set("free", forum.capacity() - seatsHeld);
    for (ForumSession session : forum.sessions()) {
      if (session.capacity() != null) {
        update.set(
            "sessions." + session.code(),
            session.capacity() - sessionSeatsHeld.getOrDefault(session.code(), 0));
      }
    }
    mongo.upsert(Query.query(Criteria.where("_id").is(forum.id())), update, COLLECTION);
  }

  private static Collection<String> limited(Forum forum, Collection<String> sessions) {
    return sessions.stream()
        .filter(code -> forum.session(code).map(s -> s.capacity() != null).orElse(false))
        .toList();
  }
}
