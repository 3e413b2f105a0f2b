package kz.forumpulse.registration.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantApproved;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantWaitlisted;
import kz.forumpulse.events.Topics;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

class OutboxTest {

  @Test
  void twoEventsOfOneChangeAreBothAppended() {
    ParticipantApproved approved =
        new ParticipantApproved(
            UUID.randomUUID(),
            1,
            Instant.now(),
            ForumId.of("f"),
            ParticipantId.of("p"),
            "WAITLISTED");
    ParticipantWaitlisted waitlisted =
        new ParticipantWaitlisted(
            UUID.randomUUID(),
            1,
            Instant.now(),
            ForumId.of("f"),
            ParticipantId.of("p"),
            "WAITLISTED",
            1,
            1);

    Update update = Outbox.append(new Update(), Topics.ATTENDEES, approved, waitlisted);

    Document push = (Document) update.getUpdateObject().get("$push");
    Object each = push.get("outbox");
    assertThat(each.toString())
        .contains(approved.eventId().toString())
        .contains(waitlisted.eventId().toString());
  }
}
