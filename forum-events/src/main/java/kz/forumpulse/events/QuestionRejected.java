package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** A moderator rejected a question, with the reason the participant is shown. Not public. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionRejected(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    QuestionId questionId,
    String moderator,
    String reason)
    implements QuestionEvent {

  public static final int VERSION = 1;
}
