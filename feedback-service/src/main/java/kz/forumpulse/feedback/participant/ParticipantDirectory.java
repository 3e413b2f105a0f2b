package kz.forumpulse.feedback.participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.ParticipantErased;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.events.ParticipantUpdated;
import kz.forumpulse.support.cache.EventuallyFound;
import kz.forumpulse.support.cache.ReadCache;
import kz.forumpulse.support.mongo.OrderedBulk;
import kz.forumpulse.support.web.ApiProblem;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Who is registered, learnt from attendee events rather than by calling registration-service. */
@Service
public class ParticipantDirectory {

  /** Status of a participant whose personal data was erased (set here, not by registration). */
  static final String ERASED = "ERASED";

  private final MongoTemplate mongo;
  private final Duration registrationGrace;
  private final ApplicationEventPublisher localEvents;

  /** Every question and support looks its participant up by code: kept briefly (ReadCache). */
  private final ReadCache<String, Participant> cache;

  public ParticipantDirectory(
      MongoTemplate mongo,
      @Value("${forum.participants.registration-grace:3s}") Duration grace,
      @Value("${forum.participants.cache-ttl:1s}") Duration cacheTtl,
      ApplicationEventPublisher localEvents) {
    this.mongo = mongo;
    this.registrationGrace = grace;
    this.localEvents = localEvents;
    this.cache = new ReadCache<>(cacheTtl, 50_000);
    mongo
        .indexOps(Participant.class)
        .createIndex(
            // Unique (codes are random and hashed) and sparse (erased participants have none):
            // a unique index is also one the embedded MongoDB emulator really uses for lookups.
            new Index().on("accessCodeHash", Sort.Direction.ASC).unique().sparse());
  }

  /** Applies an attendee event once: a redelivered event id is ignored. */
  public void apply(AttendeeEvent event) {
    apply(List.of(event));
  }

  /**
   * Applies a poll's attendee events in order, each once (a redelivered event id is ignored), with
   * one ordered bulk request ({@link OrderedBulk}).
   */
  public void apply(List<AttendeeEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    OrderedBulk.write(
        mongo, mongo.getCollectionName(Participant.class), events, this::write, landed -> {});
    boolean changedById = false;
    for (AttendeeEvent event : events) {
      if (event instanceof ParticipantRegistered registered) {
        cache.invalidate(cacheKey(registered.forumId().value(), registered.accessCodeHash()));
      } else {
        changedById = true;
      }
      // Also when this erasure was applied before: a failure between the participant's write and
      // the questions' would otherwise leave the name on the questions for good, as the retried
      // write changes nothing. Removing a name that is gone changes nothing either.
      if (event instanceof ParticipantErased) {
        localEvents.publishEvent(
            new ParticipantForgotten(event.forumId().value(), event.participantId().value()));
      }
    }
    if (changedById) {
      // Kept by code, changed by id: rare enough to forget every kept participant.
      cache.invalidateAll();
    }
  }

  /**
   * The event's write, on the participant's document unless it lists the event id already. A
   * registration creates the document; every other event carries the registration's status after
   * it, so this view keeps the status without knowing registration's state machine (CANCELLED and
   * DECLINED may not ask); an erasure drops the name and the code hash (the code no longer works),
   * an update refreshes the labels shown on questions.
   */
  private void write(BulkOperations bulk, AttendeeEvent event) {
    String eventId = event.eventId().toString();
    Query notYetApplied =
        Query.query(
            Criteria.where("_id")
                .is(event.participantId().value())
                .and("appliedEvents")
                .ne(eventId));
    Update update = new Update().push("appliedEvents", eventId);
    if (event instanceof ParticipantRegistered registered) {
      update
          .set("forumId", registered.forumId().value())
          .set("accessCodeHash", registered.accessCodeHash())
          .set("fullName", registered.fullName())
          .set("role", registered.role())
          .set("district", registered.district())
          .set("status", registered.status());
      bulk.upsert(notYetApplied, update);
      return;
    }
    if (event instanceof ParticipantErased) {
      update.set("status", ERASED).unset("fullName").unset("accessCodeHash");
    } else if (event.status() != null && !event.status().isBlank()) {
      update.set("status", event.status().toUpperCase(Locale.ROOT));
    }
    if (event instanceof ParticipantUpdated updated) {
      update
          .set("fullName", updated.fullName())
          .set("role", updated.role())
          .set("district", updated.district());
    }
    bulk.updateOne(notYetApplied, update);
  }

  /**
   * The participant holding this code, who may still take part (ask, support), or a 403 problem.
   */
  public Participant requireActive(String forumId, String accessCode) {
    Participant participant =
        byAccessCode(forumId, accessCode)
            .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "unknownParticipantCode"));
    if (!participant.mayAsk()) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, "participantMayNotAsk");
    }
    return participant;
  }

  /**
   * One round trip for what a question needs: the participant holding this code in this forum, if
   * they may still ask and their document also matches {@code condition}, after {@code update} was
   * applied to it (the question allowance keeps its log there). Empty when the code is unknown
   * (yet), the participant may not ask, or the condition does not hold; {@link
   * #requireActiveStored} then tells which.
   */
  public Optional<Participant> changeIfActive(
      String forumId, String accessCode, Criteria condition, Update update) {
    if (!wellFormed(accessCode)) {
      return Optional.empty();
    }
    Query query =
        Query.query(
            new Criteria()
                .andOperator(
                    byCode(forumId, codeHash(accessCode)),
                    Criteria.where("status").nin(Participant.MAY_NOT_ASK),
                    condition));
    query.fields().exclude("appliedEvents");
    // Untyped: mapped against Participant, every field the caller names that the record lacks
    // (the log and its positions) cost Spring Data a PropertyReferenceException with a stack
    // trace per call, the largest allocation of the request threads in the benchmark's profile.
    Document changed =
        mongo.findAndModify(
            query,
            update,
            FindAndModifyOptions.options().returnNew(true),
            Document.class,
            mongo.getCollectionName(Participant.class));
    return Optional.ofNullable(changed)
        .map(document -> mongo.getConverter().read(Participant.class, document));
  }

  /**
   * As {@link #requireActive}, but as stored now rather than as kept: to tell why {@link
   * #changeIfActive} found nothing.
   */
  public Participant requireActiveStored(String forumId, String accessCode) {
    if (wellFormed(accessCode)) {
      cache.invalidate(cacheKey(forumId, codeHash(accessCode)));
    }
    return requireActive(forumId, accessCode);
  }

  /** The participant holding this code, whatever their status (to read their own questions). */
  public Participant require(String forumId, String accessCode) {
    return byAccessCode(forumId, accessCode)
        .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "unknownParticipantCode"));
  }

  /**
   * The participant holding this code in this forum. A participant who registered a moment ago may
   * not be known yet (the attendee event is on its way), so an unknown code is looked up again for
   * a short grace period before giving up.
   */
  public Optional<Participant> byAccessCode(String forumId, String accessCode) {
    if (!wellFormed(accessCode)) {
      return Optional.empty();
    }
    String hash = codeHash(accessCode);
    return cache.get(cacheKey(forumId, hash), key -> lookUp(forumId, hash));
  }

  private static boolean wellFormed(String accessCode) {
    return accessCode != null && !accessCode.isBlank() && accessCode.length() <= 64;
  }

  private static String codeHash(String accessCode) {
    return hash(accessCode.strip().toUpperCase(Locale.ROOT));
  }

  private static Criteria byCode(String forumId, String hash) {
    return Criteria.where("accessCodeHash").is(hash).and("forumId").is(forumId);
  }

  private static String cacheKey(String forumId, String accessCodeHash) {
    return forumId + "/" + accessCodeHash;
  }

  private Optional<Participant> lookUp(String forumId, String hash) {
    Query query = Query.query(byCode(forumId, hash));
    // The ids of the events applied are for idempotent consumption only; not read per request.
    query.fields().exclude("appliedEvents");
    return EventuallyFound.within(
        registrationGrace, () -> Optional.ofNullable(mongo.findOne(query, Participant.class)));
  }

  static String hash(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
