package kz.forumpulse.registration.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.forumpulse.events.DomainEvent;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantApproved;
import kz.forumpulse.events.ParticipantCancelled;
import kz.forumpulse.events.ParticipantDeclined;
import kz.forumpulse.events.ParticipantErased;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantUpdated;
import kz.forumpulse.events.ParticipantWaitlisted;
import kz.forumpulse.events.Topics;
import kz.forumpulse.registration.forum.Forum;
import kz.forumpulse.registration.forum.Forums;
import kz.forumpulse.registration.forum.Seats;
import kz.forumpulse.registration.outbox.Outbox;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Everything that happens to a registration after it was made. Each change is one update
 * conditional on the status the decision was based on, carrying its event: a concurrent change
 * makes it fail cleanly (409) instead of being overwritten. Seats are released after the status
 * left REGISTERED, then the waiting line is promoted.
 */
@Service
class RegistrationChanges {

  private final MongoTemplate mongo;
  private final Forums forums;
  private final Seats seats;
  private final Waitlist waitlist;
  private final IdempotencyKeys idempotencyKeys;
  private final OutboxRelay relay;
  private final Clock clock;

  RegistrationChanges(
      MongoTemplate mongo,
      Forums forums,
      Seats seats,
      Waitlist waitlist,
      IdempotencyKeys idempotencyKeys,
      OutboxRelay relay,
      Clock clock) {
    this.mongo = mongo;
    this.forums = forums;
    this.seats = seats;
    this.waitlist = waitlist;
    this.idempotencyKeys = idempotencyKeys;
    this.relay = relay;
    this.clock = clock;
  }

  RegistrationView view(Registration registration) {
    return RegistrationView.of(registration, waitlist.position(registration));
  }

  RegistrationView edit(Registration current, EditRequest request) {
    requireNotErased(current);
    RegistrationStatus status = current.statusValue();
    if (status == RegistrationStatus.CANCELLED || status == RegistrationStatus.DECLINED) {
      throw notAllowed(current);
    }
    Forum forum = forums.require(current.forumId());
    List<String> sessions =
        request.sessions() == null
            ? current.sessions()
            : request.sessions().stream().distinct().sorted().toList();
    for (String code : sessions) {
      if (forum.session(code).isEmpty()) {
        throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "sessions", "unknownSession", code);
      }
    }
    List<String> added = new ArrayList<>(sessions);
    added.removeAll(current.sessions());
    List<String> dropped = new ArrayList<>(current.sessions());
    dropped.removeAll(sessions);
    boolean seated = current.holdsSeat();
    if (seated && !seats.tryClaim(forum, false, added)) {
      throw ApiProblem.forField(HttpStatus.CONFLICT, "sessions", "sessionFull");
    }
    String fullName = request.fullName() == null ? current.fullName() : request.fullName().strip();
    if (fullName.isBlank()) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "fullName", "required");
    }
    Instant now = clock.instant();
    ParticipantUpdated event =
        new ParticipantUpdated(
            UUID.randomUUID(),
            ParticipantUpdated.VERSION,
            now,
            ForumId.of(current.forumId()),
            ParticipantId.of(current.id()),
            current.status(),
            fullName,
            current.role(),
            current.district(),
            current.ruralDistrict(),
            current.elected(),
            current.partyMember(),
            request.language() == null ? current.language() : request.language(),
            sessions);
    Update update =
        new Update()
            .set("fullName", fullName)
            .set("organisation", keepOr(request.organisation(), current.organisation()))
            .set("position", keepOr(request.position(), current.position()))
            .set("language", event.language())
            .set("sessions", sessions)
            .set("updatedAt", now);
    if (!apply(current, update, event)) {
      if (seated) {
        seats.release(forum, false, added);
      }
      throw changedMeanwhile();
    }
    if (seated && !dropped.isEmpty()) {
      seats.release(forum, false, dropped);
      waitlist.promote(forum.id());
    }
    return reload(current);
  }

  /** Cancelling twice is harmless: the second time changes nothing and publishes nothing. */
  RegistrationView cancel(Registration current) {
    RegistrationStatus status = current.statusValue();
    if (status == RegistrationStatus.CANCELLED) {
      return view(current);
    }
    if (status == RegistrationStatus.DECLINED) {
      throw notAllowed(current);
    }
    ParticipantCancelled event =
        new ParticipantCancelled(
            UUID.randomUUID(),
            ParticipantCancelled.VERSION,
            clock.instant(),
            ForumId.of(current.forumId()),
            ParticipantId.of(current.id()),
            RegistrationStatus.CANCELLED.name(),
            current.status());
    if (!apply(current, released(RegistrationStatus.CANCELLED, current, event), event)) {
      throw changedMeanwhile();
    }
    if (current.holdsSeat()) {
      Forum forum = forums.require(current.forumId());
      seats.release(forum, true, current.sessions());
      waitlist.promote(forum.id());
    }
    return reload(current);
  }

  /** A pending registration gets a seat, or a place in line when the forum is full by now. */
  RegistrationView approve(Registration current) {
    if (current.statusValue() != RegistrationStatus.PENDING) {
      throw notAllowed(current);
    }
    Forum forum = forums.require(current.forumId());
    boolean seated = seats.tryClaim(forum, true, current.sessions());
    Instant now = clock.instant();
    RegistrationStatus status =
        seated ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
    List<DomainEvent> events = new ArrayList<>();
    events.add(
        new ParticipantApproved(
            UUID.randomUUID(),
            ParticipantApproved.VERSION,
            now,
            ForumId.of(current.forumId()),
            ParticipantId.of(current.id()),
            status.name()));
    Update update = new Update().set("status", status.name()).set("updatedAt", now);
    if (!seated) {
      long ticket = seats.nextTicket(forum.id());
      update.set("waitlistTicket", ticket);
      events.add(
          new ParticipantWaitlisted(
              UUID.randomUUID(),
              ParticipantWaitlisted.VERSION,
              now,
              ForumId.of(current.forumId()),
              ParticipantId.of(current.id()),
              status.name(),
              ticket,
              waitlist.position(withTicket(current, ticket))));
    }
    if (!apply(current, update, events.toArray(DomainEvent[]::new))) {
      if (seated) {
        seats.release(forum, true, current.sessions());
      }
      throw changedMeanwhile();
    }
    return reload(current);
  }

  RegistrationView decline(Registration current) {
    RegistrationStatus status = current.statusValue();
    if (status != RegistrationStatus.PENDING && status != RegistrationStatus.WAITLISTED) {
      throw notAllowed(current);
    }
    ParticipantDeclined event =
        new ParticipantDeclined(
            UUID.randomUUID(),
            ParticipantDeclined.VERSION,
            clock.instant(),
            ForumId.of(current.forumId()),
            ParticipantId.of(current.id()),
            RegistrationStatus.DECLINED.name());
    if (!apply(current, released(RegistrationStatus.DECLINED, current, event), event)) {
      throw changedMeanwhile();
    }
    return reload(current);
  }

  /**
   * Replaces everything personal; what stays (status, role, district, sessions, check-in) is an
   * anonymous count. The rural district goes too: with the role it can name a person (there is one
   * akim per rural district). The access code and ticket stop working. Erasing twice is harmless.
   */
  RegistrationView erase(Registration current) {
    if (current.erasedAt() != null) {
      return view(current);
    }
    Instant now = clock.instant();
    ParticipantErased event =
        new ParticipantErased(
            UUID.randomUUID(),
            ParticipantErased.VERSION,
            now,
            ForumId.of(current.forumId()),
            ParticipantId.of(current.id()),
            current.status());
    Update update =
        new Update()
            .set("fullName", null)
            .set("phone", null)
            .set("email", null)
            .set("organisation", null)
            .set("position", null)
            .set("ruralDistrict", null)
            .set("contactKey", "erased:" + current.id())
            .unset("emailKey")
            .set("accessCodeHash", "erased:" + current.id())
            .set("ticketToken", "erased:" + current.id())
            .set("erasedAt", now)
            .set("updatedAt", now);
    if (!apply(current, update, event)) {
      throw changedMeanwhile();
    }
    if (current.idempotencyScope() != null) {
      // It holds the access code in plain text for retries; nothing to retry any more.
      idempotencyKeys.forget(current.idempotencyScope());
    }
    return reload(current);
  }

  private Update released(RegistrationStatus to, Registration current, DomainEvent event) {
    // The contact keys are freed so the same person can register again later.
    return new Update()
        .set("status", to.name())
        .set("contactKey", "released:" + current.id())
        .unset("emailKey")
        .set("updatedAt", event.occurredAt());
  }

  /** Applies the update with its events if the status is still the one the decision saw. */
  private boolean apply(Registration current, Update update, DomainEvent... events) {
    Outbox.append(update, Topics.ATTENDEES, events);
    boolean applied =
        mongo
                .updateFirst(
                    Query.query(
                        Criteria.where("_id")
                            .is(current.id())
                            .and("status")
                            .is(current.status())
                            .and("erasedAt")
                            .is(current.erasedAt())),
                    update,
                    Registration.class)
                .getModifiedCount()
            == 1;
    if (applied) {
      relay.wakeUp(Registration.COLLECTION, current.id());
    }
    return applied;
  }

  private RegistrationView reload(Registration current) {
    return view(mongo.findById(current.id(), Registration.class));
  }

  private static Registration withTicket(Registration r, long ticket) {
    return new Registration(
        r.id(),
        r.forumId(),
        r.fullName(),
        r.role(),
        r.district(),
        r.ruralDistrict(),
        r.organisation(),
        r.position(),
        r.elected(),
        r.partyMember(),
        r.phone(),
        r.email(),
        r.contactKey(),
        r.emailKey(),
        r.language(),
        RegistrationStatus.WAITLISTED.name(),
        r.accessCodeHash(),
        r.consentGivenAt(),
        r.consentTextVersion(),
        r.registeredAt(),
        r.sessions(),
        ticket,
        r.initialStatus(),
        r.idempotencyScope(),
        r.ticketToken(),
        r.checkedInAt(),
        r.updatedAt(),
        r.erasedAt(),
        r.outbox());
  }

  private static void requireNotErased(Registration current) {
    if (current.erasedAt() != null) {
      throw RegistrationLookup.notFound();
    }
  }

  private static String keepOr(String requested, String current) {
    if (requested == null) {
      return current;
    }
    return requested.isBlank() ? null : requested.strip();
  }

  private static ApiProblem notAllowed(Registration current) {
    return new ApiProblem(HttpStatus.CONFLICT, "notAllowedInStatus", current.status())
        .with("status", current.status());
  }

  private static ApiProblem changedMeanwhile() {
    return new ApiProblem(HttpStatus.CONFLICT, "registrationChangedMeanwhile");
  }
}
