package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A moderator moved a question to another FAQ group of its project, or to a group of its own when
 * {@code targetGroupId} is null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FaqQuestionMoved(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    String project,
    QuestionId questionId,
    String targetGroupId,
    String moderator)
    implements CurationEvent {

  public static final int VERSION = 1;
}
