package kz.forumpulse.registration.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.events.Topics;
import kz.forumpulse.registration.forum.Forum;
import kz.forumpulse.registration.forum.Forums;
import kz.forumpulse.support.outbox.OutboxEntry;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Registers participants: one document per registration, its event in the same document. */
@Service
class Registrations {

  static final String CONSENT_TEXT_VERSION = "2026-11-v1";

  private final MongoTemplate mongo;
  private final Forums forums;
  private final OutboxRelay relay;
  private final Clock clock;

  Registrations(MongoTemplate mongo, Forums forums, OutboxRelay relay, Clock clock) {
    this.mongo = mongo;
    this.forums = forums;
    this.relay = relay;
    this.clock = clock;
    // The unique index, not a prior lookup, is what makes a duplicate impossible under races.
    mongo
        .indexOps(Registration.class)
        .createIndex(
            new Index()
                .on("forumId", Sort.Direction.ASC)
                .on("contactKey", Sort.Direction.ASC)
                .unique());
    mongo
        .indexOps(Registration.class)
        .createIndex(new Index().on("accessCodeHash", Sort.Direction.ASC).unique());
  }

  RegistrationResult register(String forumId, RegisterRequest request) {
    Forum forum = forums.require(forumId);
    if (!forum.hasDistrict(request.district())) {
      throw ApiProblem.forField(
          HttpStatus.BAD_REQUEST, "district", "unknownDistrict", request.district());
    }
    Optional<String> phone = Contacts.normalisePhone(request.phone());
    if (request.phone() != null && !request.phone().isBlank() && phone.isEmpty()) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "phone", "invalidPhone");
    }
    Optional<String> email = Contacts.normaliseEmail(request.email());
    if (phone.isEmpty() && email.isEmpty()) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "phone", "contactRequired");
    }
    String contactKey = phone.map(p -> "tel:" + p).orElseGet(() -> "mail:" + email.get());
    existing(forumId, phone, email)
        .ifPresent(
            id -> {
              throw duplicate(id);
            });

    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    String accessCode = AccessCodes.generate();
    String codeHash = AccessCodes.hash(accessCode);
    String language = request.language() == null ? "ru" : request.language();
    String status = "REGISTERED";
    ParticipantRegistered event =
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
            status);
    Registration registration =
        new Registration(
            id,
            forumId,
            event.fullName(),
            request.role(),
            request.district(),
            event.ruralDistrict(),
            strip(request.organisation()),
            strip(request.position()),
            event.elected(),
            event.partyMember(),
            phone.orElse(null),
            email.orElse(null),
            contactKey,
            language,
            status,
            codeHash,
            now,
            CONSENT_TEXT_VERSION,
            now,
            List.of(OutboxEntry.of(Topics.ATTENDEES, event)));
    try {
      mongo.insert(registration);
    } catch (DuplicateKeyException e) {
      // Lost a race with a concurrent registration of the same person.
      throw existing(forumId, phone, email).map(Registrations::duplicate).orElseThrow(() -> e);
    }
    relay.wakeUp();
    return new RegistrationResult(id, forumId, status, accessCode);
  }

  private Optional<String> existing(
      String forumId, Optional<String> phone, Optional<String> email) {
    List<Criteria> anyContact = new java.util.ArrayList<>();
    phone.ifPresent(p -> anyContact.add(Criteria.where("phone").is(p)));
    email.ifPresent(m -> anyContact.add(Criteria.where("email").is(m)));
    Query query =
        Query.query(
            Criteria.where("forumId").is(forumId).orOperator(anyContact.toArray(Criteria[]::new)));
    query.fields().include("_id");
    return Optional.ofNullable(
            mongo.findOne(query, org.bson.Document.class, Registration.COLLECTION))
        .map(doc -> doc.get("_id").toString());
  }

  private static ApiProblem duplicate(String existingId) {
    return new ApiProblem(HttpStatus.CONFLICT, "alreadyRegistered", existingId)
        .with("registrationId", existingId);
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
