package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A participant asked a question about one of the forum's projects.
 *
 * <p>District and role travel with the question so reports can break questions down without joining
 * the attendee stream (whose order relative to this topic is not guaranteed). {@code authorName} is
 * null for anonymous questions: reports never learn who asked those.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionSubmitted(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    QuestionId questionId,
    ParticipantId participantId,
    String project,
    String text,
    String language,
    boolean anonymous,
    String authorName,
    String district,
    String role)
    implements QuestionEvent {

  public static final int VERSION = 1;
}
