package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** A question was answered; a later event for the same question replaces the answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionAnswered(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    QuestionId questionId,
    String answer,
    String answeredBy)
    implements QuestionEvent {

  public static final int VERSION = 1;
}
