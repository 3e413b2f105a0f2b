package kz.forumpulse.feedback.question;

import java.time.Instant;
import java.util.List;
import kz.forumpulse.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A question with the events about it still waiting to be published. */
@Document(Question.COLLECTION)
record Question(
    @Id String id,
    String forumId,
    String participantId,
    String project,
    String text,
    String language,
    boolean anonymous,
    String status,
    Instant submittedAt,
    List<OutboxEntry> outbox) {

  static final String COLLECTION = "questions";
}
