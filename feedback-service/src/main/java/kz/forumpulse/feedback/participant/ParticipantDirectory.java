package kz.forumpulse.feedback.participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.ParticipantRegistered;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Who is registered, learnt from attendee events rather than by calling registration-service. */
@Service
public class ParticipantDirectory {

  private final MongoTemplate mongo;
  private final Duration registrationGrace;

  ParticipantDirectory(
      MongoTemplate mongo, @Value("${forum.participants.registration-grace:3s}") Duration grace) {
    this.mongo = mongo;
    this.registrationGrace = grace;
    mongo
        .indexOps(Participant.class)
        .createIndex(new Index().on("accessCodeHash", Sort.Direction.ASC));
  }

  /** Applies an attendee event once: a redelivered event id is ignored. */
  public void apply(AttendeeEvent event) {
    String eventId = event.eventId().toString();
    if (event instanceof ParticipantRegistered registered) {
      try {
        mongo.upsert(
            Query.query(
                Criteria.where("_id")
                    .is(registered.participantId().value())
                    .and("appliedEvents")
                    .ne(eventId)),
            new Update()
                .set("forumId", registered.forumId().value())
                .set("accessCodeHash", registered.accessCodeHash())
                .set("fullName", registered.fullName())
                .set("role", registered.role())
                .set("district", registered.district())
                .set("status", registered.status())
                .push("appliedEvents", eventId),
            Participant.class);
      } catch (org.springframework.dao.DuplicateKeyException alreadyApplied) {
        // The filter missed because this event id is already applied; the upsert's insert
        // then collided with the existing document: nothing to do.
      }
    }
  }

  /**
   * The participant holding this code in this forum. A participant who registered a moment ago may
   * not be known yet (the attendee event is on its way), so an unknown code is looked up again for
   * a short grace period before giving up.
   */
  public Optional<Participant> byAccessCode(String forumId, String accessCode) {
    if (accessCode == null || accessCode.isBlank() || accessCode.length() > 64) {
      return Optional.empty();
    }
    String hash = hash(accessCode.strip().toUpperCase(java.util.Locale.ROOT));
    long deadline = System.nanoTime() + registrationGrace.toNanos();
    while (true) {
      Participant found =
          mongo.findOne(
              Query.query(Criteria.where("accessCodeHash").is(hash).and("forumId").is(forumId)),
              Participant.class);
      if (found != null || System.nanoTime() >= deadline) {
        return Optional.ofNullable(found);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
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
