package kz.forumpulse.reporting.attendance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.ParticipantCheckInUndone;
import kz.forumpulse.events.ParticipantCheckedIn;
import kz.forumpulse.events.ParticipantErased;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.events.ParticipantUpdated;
import kz.forumpulse.reporting.live.AggregateChanged;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportDays;
import kz.forumpulse.support.mongo.OrderedBulk;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * One document per participant with their current state and no name or contact: the attendance
 * report is computed from these. Each document remembers the event ids it has applied, so a
 * redelivered or republished event changes nothing — a single-document atomic update.
 *
 * <p>A poll's events are applied in order with one ordered bulk request: the upserts of one
 * participant keep their order, and the whole poll costs one round trip instead of one per event.
 */
@Service
public class AttendanceProjection {

  private final MongoTemplate mongo;
  private final ApplicationEventPublisher changes;
  private final ReportDays days;

  AttendanceProjection(MongoTemplate mongo, ApplicationEventPublisher changes, ReportDays days) {
    this.mongo = mongo;
    this.changes = changes;
    this.days = days;
  }

  public void apply(AttendeeEvent event, Generation target) {
    apply(List.of(event), target);
  }

  /** Applies the events in order, each at most once; one live signal per forum changed. */
  public void apply(List<AttendeeEvent> events, Generation target) {
    Set<String> forums = new LinkedHashSet<>();
    List<AttendeeEvent> run = new ArrayList<>();
    for (AttendeeEvent event : events) {
      if (event instanceof ParticipantErased) {
        // Names leave the questions before the participant's document records the erasure, so a
        // redelivery after a crash in between does both again (both are idempotent).
        upsertInOrder(run, target, forums);
        run.clear();
        mongo.updateMulti(
            Query.query(Criteria.where("participantId").is(event.participantId().value())),
            new Update().unset("authorName").set("anonymous", true),
            target.questions());
      }
      run.add(event);
    }
    upsertInOrder(run, target, forums);
    for (String forumId : forums) {
      changes.publishEvent(new AggregateChanged(forumId, AggregateChanged.ATTENDANCE, target));
    }
  }

  /** One ordered bulk of the events' upserts ({@link OrderedBulk}). */
  private void upsertInOrder(List<AttendeeEvent> events, Generation target, Set<String> forums) {
    OrderedBulk.write(
        mongo,
        target.attendance(),
        events,
        (bulk, event) -> bulk.upsert(notYetApplied(event), update(event)),
        landed -> landed.forEach(e -> forums.add(e.forumId().value())));
  }

  private static Query notYetApplied(AttendeeEvent event) {
    return Query.query(
        Criteria.where("_id")
            .is(event.participantId().value())
            .and("appliedEvents")
            .ne(event.eventId().toString()));
  }

  private Update update(AttendeeEvent event) {
    Update update =
        new Update()
            .push("appliedEvents", event.eventId().toString())
            .set("forumId", event.forumId().value());
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
      // The participant stays an anonymous count (their name left the questions above).
      update.unset("ruralDistrict");
    }
    return update;
  }

  private String day(AttendeeEvent event) {
    return days.of(event.occurredAt());
  }
}
