package kz.forumpulse.reporting.attendance;

import static kz.forumpulse.reporting.TestEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.ParticipantCancelled;
import kz.forumpulse.events.ParticipantCheckInUndone;
import kz.forumpulse.events.ParticipantCheckedIn;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import kz.forumpulse.reporting.store.ReportStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A poll of attendee events is one ordered bulk request: each participant's events in order, and a
 * redelivered event — inside the poll or the whole poll again after a crash before its commit —
 * changes nothing.
 */
@ReportingIntegrationTest
class AttendanceProjectionTest {

  @Autowired AttendanceProjection attendance;
  @Autowired ReportStore store;
  @Autowired MongoTemplate mongo;
  @Autowired MockMvc mvc;

  @Test
  void aPollIsAppliedInOrderAndRedeliveredEventsChangeNothing() throws Exception {
    String forumId = "attendance-" + UUID.randomUUID();
    ParticipantRegistered aigul = registered(forumId, "RURAL_AKIM", "TASKALA");
    ParticipantRegistered marat = registered(forumId, "MASLIKHAT_DEPUTY", "BURLIN");
    ParticipantRegistered dana = registered(forumId, "GUEST", "BURLIN");
    ParticipantCheckedIn aigulIn =
        new ParticipantCheckedIn(
            UUID.randomUUID(),
            1,
            Instant.now(),
            aigul.forumId(),
            aigul.participantId(),
            "REGISTERED",
            Instant.now());
    ParticipantCheckInUndone aigulUndone =
        new ParticipantCheckInUndone(
            UUID.randomUUID(),
            1,
            Instant.now(),
            aigul.forumId(),
            aigul.participantId(),
            "REGISTERED");
    ParticipantCancelled danaGone =
        new ParticipantCancelled(
            UUID.randomUUID(),
            1,
            Instant.now(),
            dana.forumId(),
            dana.participantId(),
            "CANCELLED",
            "REGISTERED");
    List<AttendeeEvent> poll =
        List.of(aigul, marat, aigulIn, aigul, dana, aigulIn, aigulUndone, marat, danaGone, aigulIn);

    apply(poll);
    // The whole poll again: a crash after applying it, before its offsets were committed.
    apply(poll);

    Document stored =
        mongo.findById(
            aigul.participantId().value(),
            Document.class,
            store.withActive(gen -> gen.attendance()));
    // In order: checked in, undone, then the redelivered check-in changed nothing.
    assertThat(stored.getBoolean("checkedIn")).isFalse();
    assertThat(stored.getList("appliedEvents", String.class))
        .containsExactly(
            aigul.eventId().toString(),
            aigulIn.eventId().toString(),
            aigulUndone.eventId().toString());

    mvc.perform(
            get("/api/forums/{id}/reports/attendance", forumId)
                .with(httpBasic("organiser", "test-organiser")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.byStatus.REGISTERED").value(2))
        .andExpect(jsonPath("$.byStatus.CANCELLED").value(1))
        .andExpect(jsonPath("$.checkedIn").value(0));
  }

  private void apply(List<AttendeeEvent> poll) {
    store.withActive(
        gen -> {
          attendance.apply(poll, gen);
          return null;
        });
  }
}
