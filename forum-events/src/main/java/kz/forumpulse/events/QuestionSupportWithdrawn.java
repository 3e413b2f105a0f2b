package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** A participant took back their "me too"; {@code supportCount} is the count after the change. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionSupportWithdrawn(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    QuestionId questionId,
    ParticipantId participantId,
    String district,
    String role,
    int supportCount)
    implements QuestionEvent {

  public static final int VERSION = 1;
}
