package kz.forumpulse.registration.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.forumpulse.events.DomainEvent;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.events.ParticipantWaitlisted;
import kz.forumpulse.events.Topics;
import kz.forumpulse.registration.forum.Forum;
import kz.forumpulse.registration.forum.Forums;
import kz.forumpulse.registration.forum.Seats;
import kz.forumpulse.support.outbox.OutboxEntry;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Registers participants: one document per registration, its events in the same document. */
@Service
class Registrations {

  static final String CONSENT_TEXT_VERSION = "2026-11-v1";

  private final MongoTemplate mongo;
  private final Forums forums;
  private final Seats seats;
  private final Waitlist waitlist;
  private final IdempotencyKeys idempotencyKeys;
  private final OutboxRelay relay;
  private final Clock clock;

  Registrations(
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
    // Unique indexes, not prior lookups, make duplicates impossible under races.
    var indexes = mongo.indexOps(Registration.class);
    indexes.createIndex(
        new Index()
            .on("forumId", Sort.Direction.ASC)
            .on("contactKey", Sort.Direction.ASC)
            .unique());
    // The e-mail of an active registration, whether or not a phone is its main contact: a second
    // registration with that e-mail is refused, and looking it up is an index read.
    backfillEmailKeys(mongo);
    indexes.createIndex(new Index().on("emailKey", Sort.Direction.ASC).unique().sparse());
    indexes.createIndex(new Index().on("accessCodeHash", Sort.Direction.ASC).unique());
    indexes.createIndex(new Index().on("ticketToken", Sort.Direction.ASC).unique().sparse());
    indexes.createIndex(new Index().on("idempotencyScope", Sort.Direction.ASC).unique().sparse());
    indexes.createIndex(
        new Index()
            .on("forumId", Sort.Direction.ASC)
            .on("status", Sort.Direction.ASC)
            .on("waitlistTicket", Sort.Direction.ASC));
  }

  RegistrationResult register(String forumId, RegisterRequest request, String idempotencyKey) {
    Forum forum = forums.require(forumId);
    switch (forum.windowAt(clock.instant())) {
      case NOT_YET_OPEN ->
          throw new ApiProblem(
                  HttpStatus.CONFLICT, "registrationNotOpen", forum.registrationOpensAt())
              .with("opensAt", forum.registrationOpensAt().toString());
      case CLOSED ->
          throw new ApiProblem(
                  HttpStatus.CONFLICT, "registrationClosed", forum.registrationClosesAt())
              .with("closesAt", forum.registrationClosesAt().toString());
      case OPEN -> {}
    }
    if (!forum.hasDistrict(request.district())) {
      throw ApiProblem.forField(
          HttpStatus.BAD_REQUEST, "district", "unknownDistrict", request.district());
    }
    List<String> sessions = request.sessionsOrEmpty();
    for (String code : sessions) {
      if (forum.session(code).isEmpty()) {
        throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "sessions", "unknownSession", code);
      }
    }
    Optional<String> phone = Contacts.normalisePhone(request.phone());
    if (request.phone() != null && !request.phone().isBlank() && phone.isEmpty()) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "phone", "invalidPhone");
    }
    Optional<String> email = Contacts.normaliseEmail(request.email());
    if (phone.isEmpty() && email.isEmpty()) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "phone", "contactRequired");
    }

    String accessCode = AccessCodes.generate();
    String scope = null;
    if (idempotencyKey != null) {
      scope = IdempotencyKeys.scope(forumId, idempotencyKey);
      IdempotencyKeys.Reservation reservation =
          idempotencyKeys.reserve(scope, IdempotencyKeys.hash(request), accessCode);
      if (!reservation.requestHash().equals(IdempotencyKeys.hash(request))) {
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotencyKeyReused");
      }
      Optional<Registration> earlier = byScope(scope);
      if (earlier.isPresent()) {
        return replay(earlier.get(), reservation);
      }
      // The first attempt may have died before storing its registration: finish it now, with
      // the code that attempt reserved, so whichever answer the client saw stays valid.
      accessCode = reservation.accessCode();
    }

    String contactKey = phone.map(p -> "tel:" + p).orElseGet(() -> "mail:" + email.get());
    // No look-up for an earlier registration of this person first: the unique indexes refuse it
    // on insert (below), which also settles races. A duplicate is rare; a look-up would cost every
    // registration a round trip, to save the duplicate a seat taken and given back.

    RegistrationStatus status;
    Long ticket = null;
    if (forum.requiresApproval()) {
      status = RegistrationStatus.PENDING;
    } else if (seats.tryClaim(forum, true, sessions)) {
      status = RegistrationStatus.REGISTERED;
    } else {
      status = RegistrationStatus.WAITLISTED;
      ticket = seats.nextTicket(forumId);
    }

    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    String codeHash = AccessCodes.hash(accessCode);
    String language = request.language() == null ? "ru" : request.language();
    ParticipantRegistered registered =
        new ParticipantRegistered(
            UUID.randomUUID(),
            ParticipantRegistered.VERSION,
            now,
            ForumId.of(forumId),
            ParticipantId.of(id),
            codeHash,
            request.fullName().strip(),
            request.role(),
            request.district(),
            strip(request.ruralDistrict()),
            Boolean.TRUE.equals(request.elected()),
            Boolean.TRUE.equals(request.partyMember()),
            language,
            status.name(),
            sessions);
    List<DomainEvent> events = new ArrayList<>(List.of(registered));
    if (ticket != null) {
      events.add(
          new ParticipantWaitlisted(
              UUID.randomUUID(),
              ParticipantWaitlisted.VERSION,
              now,
              ForumId.of(forumId),
              ParticipantId.of(id),
              status.name(),
              ticket,
              (int) waitingAhead(forumId, ticket) + 1));
    }
    Registration registration =
        new Registration(
            id,
            forumId,
            registered.fullName(),
            request.role(),
            request.district(),
            registered.ruralDistrict(),
            strip(request.organisation()),
            strip(request.position()),
            registered.elected(),
            registered.partyMember(),
            phone.orElse(null),
            email.orElse(null),
            contactKey,
            email.map(m -> emailKey(forumId, m)).orElse(null),
            language,
            status.name(),
            codeHash,
            now,
            CONSENT_TEXT_VERSION,
            now,
            sessions,
            ticket,
            status.name(),
            scope,
            AccessCodes.generate(),
            null,
            now,
            null,
            events.stream().map(e -> OutboxEntry.of(Topics.ATTENDEES, e)).toList());
    try {
      mongo.insert(registration);
    } catch (DuplicateKeyException e) {
      if (status == RegistrationStatus.REGISTERED) {
        seats.release(forum, true, sessions);
      }
      // Refused by a unique index: a retry of the same Idempotency-Key (a replay), or an earlier
      // registration of the same person, by phone or e-mail.
      if (scope != null) {
        Optional<Registration> winner = byScope(scope);
        if (winner.isPresent()) {
          return replay(winner.get(), new IdempotencyKeys.Reservation(null, accessCode));
        }
      }
      throw existing(forumId, phone, email).map(Registrations::duplicate).orElseThrow(() -> e);
    }
    relay.wakeUp(Registration.COLLECTION, id);
    return new RegistrationResult(
        id, forumId, status.name(), accessCode, waitlist.position(registration));
  }

  private RegistrationResult replay(Registration earlier, IdempotencyKeys.Reservation reservation) {
    if (reservation.accessCode() == null
        || !AccessCodes.hash(reservation.accessCode()).equals(earlier.accessCodeHash())) {
      // The remembered code expired (or the data was erased): the first answer cannot be repeated.
      throw duplicate(earlier.id());
    }
    return new RegistrationResult(
        earlier.id(),
        earlier.forumId(),
        earlier.initialStatus(),
        reservation.accessCode(),
        waitlist.position(earlier));
  }

  private long waitingAhead(String forumId, long ticket) {
    return mongo.count(
        Query.query(
            Criteria.where("forumId")
                .is(forumId)
                .and("status")
                .is(RegistrationStatus.WAITLISTED.name())
                .and("waitlistTicket")
                .lt(ticket)),
        Registration.class);
  }

  private Optional<Registration> byScope(String scope) {
    return Optional.ofNullable(
        mongo.findOne(
            Query.query(Criteria.where("idempotencyScope").is(scope)), Registration.class));
  }

  /**
   * The active registration of this forum with the same phone or e-mail, if any. Cancelled and
   * declined registrations released their keys: that person may register again. Both look-ups are
   * reads of a unique index ({@code (forumId, contactKey)}, {@code emailKey}): a phone, when given,
   * is always the main contact.
   */
  private Optional<String> existing(
      String forumId, Optional<String> phone, Optional<String> email) {
    Optional<String> byPhone =
        phone.flatMap(
            p ->
                idOf(
                    Query.query(
                        Criteria.where("forumId").is(forumId).and("contactKey").is("tel:" + p))));
    if (byPhone.isPresent()) {
      return byPhone;
    }
    return email.flatMap(
        m -> idOf(Query.query(Criteria.where("emailKey").is(emailKey(forumId, m)))));
  }

  private Optional<String> idOf(Query query) {
    query.fields().include("_id");
    return Optional.ofNullable(
            mongo.findOne(query, org.bson.Document.class, Registration.COLLECTION))
        .map(doc -> doc.get("_id").toString());
  }

  static String emailKey(String forumId, String email) {
    return forumId + "|" + email;
  }

  /**
   * Gives {@code emailKey} to active registrations stored before it existed (once; later starts
   * find none). Of two active registrations sharing an e-mail, which only a race before this key
   * could make, the first found keeps it.
   */
  static void backfillEmailKeys(MongoTemplate mongo) {
    Query missing =
        Query.query(
            Criteria.where("emailKey")
                .exists(false)
                .and("email")
                .ne(null)
                .and("status")
                .nin(RegistrationStatus.CANCELLED.name(), RegistrationStatus.DECLINED.name())
                .and("erasedAt")
                .is(null));
    missing.fields().include("_id", "forumId", "email");
    Set<String> taken = new HashSet<>();
    for (org.bson.Document doc :
        mongo.find(missing, org.bson.Document.class, Registration.COLLECTION)) {
      String key = emailKey(doc.getString("forumId"), doc.getString("email"));
      if (taken.add(key)) {
        try {
          mongo.updateFirst(
              Query.query(Criteria.where("_id").is(doc.get("_id"))),
              new Update().set("emailKey", key),
              Registration.COLLECTION);
        } catch (DuplicateKeyException keptByALaterOne) {
          // a registration made after the key existed holds it already
        }
      }
    }
  }

  static ApiProblem duplicate(String existingId) {
    return new ApiProblem(HttpStatus.CONFLICT, "alreadyRegistered", existingId)
        .with("registrationId", existingId);
  }

  static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
