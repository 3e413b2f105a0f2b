package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** A moderator merged one FAQ group into another of the same project. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FaqGroupsMerged(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    String project,
    String sourceGroupId,
    String targetGroupId,
    String moderator)
    implements CurationEvent {

  public static final int VERSION = 1;
}
