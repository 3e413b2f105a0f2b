package kz.forumpulse.reporting.attendance;

import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.ParticipantRegistered;
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
 * One document per participant with their current state, and no name or contact: the attendance
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
    Update update = new Update().push("appliedEvents", eventId);
    if (event instanceof ParticipantRegistered registered) {
      update
          .set("forumId", registered.forumId().value())
          .set("role", registered.role())
          .set("district", registered.district())
          .set("ruralDistrict", registered.ruralDistrict())
          .set("elected", registered.elected())
          .set("partyMember", registered.partyMember())
          .set("language", registered.language())
          .set("status", registered.status())
          .set("registeredAt", registered.occurredAt());
    }
    try {
      mongo.upsert(notYetApplied, update, target.attendance());
      changes.publishEvent(
          new AggregateChanged(event.forumId().value(), AggregateChanged.ATTENDANCE, target));
    } catch (DuplicateKeyException alreadyApplied) {
      // The document exists and already lists this event id.
    }
  }
}
