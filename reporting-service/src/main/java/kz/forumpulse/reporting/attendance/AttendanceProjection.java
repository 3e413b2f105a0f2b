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
import kz.forumpulse.reporting.store.RawDocuments;
import kz.forumpulse.reporting.store.ReportDays;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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

  /**
   * One ordered bulk of the events' upserts. An event applied already makes its upsert collide with
   * the existing document (the filter excludes it, the insert finds the id taken); MongoDB stops an
   * ordered bulk there, so the rest is sent again after it. (The embedded emulator goes on instead;
   * sending the rest again then changes nothing. AttendanceOrderedBulkTest plays MongoDB.)
   */
  private void upsertInOrder(List<AttendeeEvent> events, Generation target, Set<String> forums) {
    int from = 0;
    while (from < events.size()) {
      BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, target.attendance());
      for (AttendeeEvent event : events.subList(from, events.size())) {
        bulk.upsert(notYetApplied(event), update(event));
      }
      try {
        bulk.execute();
        events.subList(from, events.size()).forEach(e -> forums.add(e.forumId().value()));
        return;
      } catch (BulkOperationException stopped) {
        var error = stopped.getErrors().get(0);
        // Duplicate key: the upsert's filter missed because the event id is applied already.
        if (error.getCode() != RawDocuments.DUPLICATE_KEY) {
          throw stopped;
        }
        // The ones before it were applied; it was applied before; go on after it.
        events.subList(from, from + error.getIndex()).forEach(e -> forums.add(e.forumId().value()));
        from += error.getIndex() + 1;
      }
    }
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
