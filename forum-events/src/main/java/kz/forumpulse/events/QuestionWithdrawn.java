package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A question was taken off the wall for good (by a moderator, with a reason). Reports should stop
 * counting it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionWithdrawn(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    QuestionId questionId,
    String withdrawnBy,
    String reason)
    implements QuestionEvent {

  public static final int VERSION = 1;
}
