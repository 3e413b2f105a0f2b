package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A moderator corrected a question's text (typos). {@code text} replaces the current text; the
 * previous text stays in {@code previousText} and the original in feedback-service's history.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionEdited(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    QuestionId questionId,
    String text,
    String previousText,
    String language,
    String moderator,
    String reason)
    implements QuestionEvent {

  public static final int VERSION = 1;
}
