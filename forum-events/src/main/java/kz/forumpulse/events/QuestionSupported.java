package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A participant said "me too" to a question. Carries district and role (never a name) so reports
 * can count support by district and role; {@code supportCount} is the question's count after this
 * change, so a consumer may simply take the latest value.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionSupported(
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
