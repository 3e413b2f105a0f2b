package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An organiser scheduled a forum. Other services learn forums (and their districts) from it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForumScheduled(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    String titleRu,
    String titleKk,
    LocalDate startsOn,
    LocalDate endsOn,
    String regionCode,
    List<String> districtCodes,
    int capacity)
    implements ForumEvent {

  public static final int VERSION = 1;

  public ForumScheduled {
    districtCodes = districtCodes == null ? List.of() : List.copyOf(districtCodes);
  }
}
