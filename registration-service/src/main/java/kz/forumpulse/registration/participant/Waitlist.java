package kz.forumpulse.registration.participant;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ForumSession;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantPromoted;
import kz.forumpulse.events.Topics;
import kz.forumpulse.registration.forum.Forum;
import kz.forumpulse.registration.forum.Forums;
import kz.forumpulse.registration.forum.Seats;
import kz.forumpulse.registration.forum.SeatsFreed;
import kz.forumpulse.registration.outbox.Outbox;
import kz.forumpulse.support.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The waiting line of each forum: ordered by waitlist ticket (taken from the forum's counter when
 * the registration was waitlisted), and promoted from automatically whenever seats free up.
 */
@Component
class Waitlist {

  private static final Logger log = LoggerFactory.getLogger(Waitlist.class);

  /** How far down the line to look for someone who fits the sessions that have room. */
  static final int LOOK_AHEAD = 50;

  /** First in line first; the ticket is unique per forum, the id only breaks impossible ties. */
  static final Comparator<Registration> LINE_ORDER =
      Comparator.comparing(Registration::waitlistTicket, Comparator.nullsLast(Long::compare))
          .thenComparing(Registration::id);

  private final MongoTemplate mongo;
  private final Forums forums;
  private final Seats seats;
  private final OutboxRelay relay;
  private final Clock clock;

  Waitlist(MongoTemplate mongo, Forums forums, Seats seats, OutboxRelay relay, Clock clock) {
    this.mongo = mongo;
    this.forums = forums;
    this.seats = seats;
    this.relay = relay;
    this.clock = clock;
  }

  /** 1-based place in line now, or null when not waitlisted. */
  Integer position(Registration registration) {
    if (!RegistrationStatus.WAITLISTED.name().equals(registration.status())
        || registration.waitlistTicket() == null) {
      return null;
    }
    long ahead =
        mongo.count(
            Query.query(
                Criteria.where("forumId")
                    .is(registration.forumId())
                    .and("status")
                    .is(RegistrationStatus.WAITLISTED.name())
                    .and("waitlistTicket")
                    .lt(registration.waitlistTicket())),
            Registration.class);
    return (int) ahead + 1;
  }

  /**
   * Repairs the forum's seat counters from the seats actually held (REGISTERED registrations), then
   * promotes whoever the repaired counters make room for. Needed only after a crash between taking
   * a seat and storing the registration (a leaked seat), see ADR 0003.
   */
  Map<String, Object> recount(String forumId) {
    Forum forum = forums.require(forumId);
    Criteria seated =
        Criteria.where("forumId")
            .is(forumId)
            .and("status")
            .is(RegistrationStatus.REGISTERED.name());
    int held = (int) mongo.count(Query.query(seated), Registration.class);
    Map<String, Integer> bySession = new LinkedHashMap<>();
    for (ForumSession session : forum.sessions()) {
      Criteria inSession =
          Criteria.where("forumId")
              .is(forumId)
              .and("status")
              .is(RegistrationStatus.REGISTERED.name())
              .and("sessions")
              .is(session.code());
      bySession.put(session.code(), (int) mongo.count(Query.query(inSession), Registration.class));
    }
    seats.recount(forum, held, bySession);
    int promoted = promote(forumId);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("forumId", forumId);
    result.put("seatsHeld", held);
    result.put("freeSeats", seats.freeSeats(forumId));
    result.put("promoted", promoted);
    return result;
  }

  @EventListener
  void onSeatsFreed(SeatsFreed freed) {
    promote(freed.forumId());
  }

  /**
   * Gives free seats to the line, first in line first. A candidate whose chosen session is still
   * full is passed over (stays first in line for the next seat in that session).
   *
   * @return how many were promoted
   */
  int promote(String forumId) {
    Forum forum = forums.require(forumId);
    int promoted = 0;
    boolean progress = true;
    while (progress && seats.freeSeats(forumId) > 0) {
      progress = false;
      List<Registration> line = inLine(forumId);
      for (Registration candidate : line) {
        if (!seats.tryClaim(forum, true, candidate.sessions())) {
          continue;
        }
        if (promoteOne(candidate)) {
          promoted++;
          progress = true;
          break;
        }
        // Cancelled or declined meanwhile: give the seat back and look again.
        seats.release(forum, true, candidate.sessions());
      }
    }
    if (promoted > 0) {
      relay.wakeUp();
      log.info("Promoted {} from the waiting line of forum {}", promoted, forumId);
    }
    return promoted;
  }

  private List<Registration> inLine(String forumId) {
    Query query =
        Query.query(
                Criteria.where("forumId")
                    .is(forumId)
                    .and("status")
                    .is(RegistrationStatus.WAITLISTED.name()))
            .with(Sort.by("waitlistTicket", "_id"))
            .limit(LOOK_AHEAD);
    return mongo.find(query, Registration.class).stream().sorted(LINE_ORDER).toList();
  }

  private boolean promoteOne(Registration candidate) {
    ParticipantPromoted event =
        new ParticipantPromoted(
            UUID.randomUUID(),
            ParticipantPromoted.VERSION,
            clock.instant(),
            ForumId.of(candidate.forumId()),
            ParticipantId.of(candidate.id()),
            RegistrationStatus.REGISTERED.name());
    Update update =
        Outbox.append(
            new Update()
                .set("status", RegistrationStatus.REGISTERED.name())
                .set("updatedAt", event.occurredAt()),
            Topics.ATTENDEES,
            event);
    return mongo
            .updateFirst(
                Query.query(
                    Criteria.where("_id")
                        .is(candidate.id())
                        .and("status")
                        .is(RegistrationStatus.WAITLISTED.name())),
                update,
                Registration.class)
            .getModifiedCount()
        == 1;
  }
}
