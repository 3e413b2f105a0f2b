package kz.forumpulse.reporting.attendance;

import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.ParticipantCheckInUndone;
import kz.forumpulse.events.ParticipantCheckedIn;
import kz.forumpulse.events.ParticipantErased;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.events.ParticipantUpdated;
import kz.forumpulse.reporting.live.AggregateChanged;
import kz.forumpulse.reporting.store.Generation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * One document per participant with their current state and no name or contact: the attendance
 * report is computed from these. Each document remembers the event ids it has applied, so a
 * redelivered or republished event changes nothing — a single-document atomic update.
 */
@Service
public class AttendanceProjection {

  private final MongoTemplate mongo;
  private final ApplicationEventPublisher changes;

  AttendanceProjection(MongoTemplate mongo, ApplicationEventPublisher changes) {
    this.mongo = mongo;
    this.changes = changes;
  }

  public void apply(AttendeeEvent event, Generation target) {
    String eventId = event.eventId().toString();
    Query notYetApplied =
        Query.query(
            Criteria.where("_id")
                .is(event.participantId().value())
                .and("appliedEvents")
                .ne(eventId));
    Update update =
        new Update().push("appliedEvents", eventId).set("forumId", event.forumId().value());
    String status = event.status();
    if (status != null) {
      update.set("status", status);
    }
    if (event instanceof ParticipantRegistered registered) {
      update
          .set("role", registered.role())
          .set("district", registered.district())
          .set("ruralDistrict", registered.ruralDistrict())
          .set("elected", registered.elected())
          .set("partyMember", registered.partyMember())
          .set("language", registered.language())
          .set("sessions", registered.sessions())
          .set("registeredOn", day(registered))
          .setOnInsert("checkedIn", false);
    } else if (event instanceof ParticipantUpdated updated) {
      update
          .set("role", updated.role())
          .set("district", updated.district())
          .set("ruralDistrict", updated.ruralDistrict())
          .set("elected", updated.elected())
          .set("partyMember", updated.partyMember())
          .set("language", updated.language())
          .set("sessions", updated.sessions());
    } else if (event instanceof ParticipantCheckedIn checkedIn) {
      update.set("checkedIn", true).set("checkedInOn", day(checkedIn));
    } else if (event instanceof ParticipantCheckInUndone) {
      update.set("checkedIn", false).unset("checkedInOn");
    } else if (event instanceof ParticipantErased) {
      // The participant stays an anonymous count; their name leaves every question they asked by
      // name (idempotent, so it is safe to repeat on redelivery).
      update.unset("ruralDistrict");
      mongo.updateMulti(
          Query.query(Criteria.where("participantId").is(event.participantId().value())),
          new Update().unset("authorName").set("anonymous", true),
          target.questions());
    }
    try {
      mongo.upsert(notYetApplied, update, target.attendance());
      changes.publishEvent(
          new AggregateChanged(event.forumId().value(), AggregateChanged.ATTENDANCE, target));
    } catch (DuplicateKeyException alreadyApplied) {
      // The document exists and already lists this event id.
    }
  }

  private static String day(AttendeeEvent event) {
    return event.occurredAt().toString().substring(0, 10);
  }
}
