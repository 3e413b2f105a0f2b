package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** A moderator undid an earlier curation action, named by its event id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FaqCurationUndone(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    UUID undoneEventId,
    String moderator)
    implements CurationEvent {

  public static final int VERSION = 1;
}
