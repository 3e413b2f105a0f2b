package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** A moderator approved a pre-moderated (or earlier rejected) question: it is public now. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionApproved(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    QuestionId questionId,
    String moderator)
    implements QuestionEvent {

  public static final int VERSION = 1;
}
