package kz.forumpulse.registration.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantCheckInUndone;
import kz.forumpulse.events.ParticipantCheckedIn;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.Topics;
import kz.forumpulse.registration.outbox.Outbox;
import kz.forumpulse.registration.participant.Registration;
import kz.forumpulse.registration.participant.RegistrationLookup;
import kz.forumpulse.registration.participant.RegistrationStatus;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Checking participants in at the door. The mark is set only where it is not set yet (one
 * conditional update carrying the event), so scanning the same ticket twice, or at two doors at
 * once, counts once and publishes one event.
 */
@Service
class CheckIns {

  private final MongoTemplate mongo;
  private final RegistrationLookup lookup;
  private final OutboxRelay relay;
  private final Clock clock;

  CheckIns(MongoTemplate mongo, RegistrationLookup lookup, OutboxRelay relay, Clock clock) {
    this.mongo = mongo;
    this.lookup = lookup;
    this.relay = relay;
    this.clock = clock;
  }

  /** Who was checked in, and whether they already had been. */
  record CheckInResult(
      String registrationId,
      String fullName,
      String role,
      String district,
      String status,
      Instant checkedInAt,
      boolean alreadyCheckedIn) {}

  CheckInResult checkIn(String forumId, CheckInRequest request) {
    Registration registration = find(forumId, request);
    if (!RegistrationStatus.REGISTERED.name().equals(registration.status())) {
      throw new ApiProblem(HttpStatus.CONFLICT, "notAdmitted", registration.status())
          .with("status", registration.status())
          .with("registrationId", registration.id());
    }
    Instant now = clock.instant();
    ParticipantCheckedIn event =
        new ParticipantCheckedIn(
            UUID.randomUUID(),
            ParticipantCheckedIn.VERSION,
            now,
            ForumId.of(forumId),
            ParticipantId.of(registration.id()),
            registration.status(),
            now);
    boolean first =
        mongo
                .updateFirst(
                    Query.query(
                        Criteria.where("_id")
                            .is(registration.id())
                            .and("status")
                            .is(RegistrationStatus.REGISTERED.name())
                            .and("checkedInAt")
                            .is(null)),
                    Outbox.append(new Update().set("checkedInAt", now), Topics.ATTENDEES, event),
                    Registration.class)
                .getModifiedCount()
            == 1;
    if (first) {
      relay.wakeUp(Registration.COLLECTION, registration.id());
    }
    Registration after = mongo.findById(registration.id(), Registration.class);
    return new CheckInResult(
        after.id(),
        after.fullName(),
        after.role(),
        after.district(),
        after.status(),
        after.checkedInAt(),
        !first);
  }

  /** Undoes a check-in; undoing one that is not there changes nothing. */
  CheckInResult undo(String forumId, String registrationId) {
    Registration registration = lookup.byId(forumId, registrationId);
    ParticipantCheckInUndone event =
        new ParticipantCheckInUndone(
            UUID.randomUUID(),
            ParticipantCheckInUndone.VERSION,
            clock.instant(),
            ForumId.of(forumId),
            ParticipantId.of(registrationId),
            registration.status());
    boolean undone =
        mongo
                .updateFirst(
                    Query.query(
                        Criteria.where("_id").is(registrationId).and("checkedInAt").ne(null)),
                    Outbox.append(new Update().unset("checkedInAt"), Topics.ATTENDEES, event),
                    Registration.class)
                .getModifiedCount()
            == 1;
    if (undone) {
      relay.wakeUp(Registration.COLLECTION, registrationId);
    }
    return new CheckInResult(
        registration.id(),
        registration.fullName(),
        registration.role(),
        registration.district(),
        registration.status(),
        null,
        !undone);
  }

  private Registration find(String forumId, CheckInRequest request) {
    if (request.ticket() != null && !request.ticket().isBlank()) {
      return lookup
          .byTicket(forumId, TicketImages.tokenOf(request.ticket()))
          .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "registrationNotFound"));
    }
    if (request.accessCode() != null && !request.accessCode().isBlank()) {
      Registration registration = lookup.byAccessCode(request.accessCode());
      if (registration.forumId().equals(forumId)) {
        return registration;
      }
      throw new ApiProblem(HttpStatus.NOT_FOUND, "registrationNotFound");
    }
    throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "ticket", "ticketOrCodeRequired");
  }
}
