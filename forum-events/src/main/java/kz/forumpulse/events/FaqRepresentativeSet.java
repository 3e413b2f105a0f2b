package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** A moderator wrote the text a FAQ group is shown with, in one language (ru or kk). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FaqRepresentativeSet(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    String project,
    String groupId,
    String language,
    String text,
    String moderator)
    implements CurationEvent {

  public static final int VERSION = 1;
}
