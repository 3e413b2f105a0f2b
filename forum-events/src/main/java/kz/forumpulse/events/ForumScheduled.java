package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An organiser scheduled a forum. Other services learn forums (and their districts) from it.
 *
 * <p>Version 2 added the registration window, the approval flag and the sessions; version 1 readers
 * ignore them, and version 2 readers see them empty/false/null in version 1 events.
 */
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
    int capacity,
    Instant registrationOpensAt,
    Instant registrationClosesAt,
    boolean requiresApproval,
    List<ForumSession> sessions)
    implements ForumEvent {

  public static final int VERSION = 2;

  public ForumScheduled {
    districtCodes = districtCodes == null ? List.of() : List.copyOf(districtCodes);
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }

  /** The version 1 shape, kept so existing producers and tests compile unchanged. */
  public ForumScheduled(
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
      int capacity) {
    this(
        eventId,
        version,
        occurredAt,
        forumId,
        titleRu,
        titleKk,
        startsOn,
        endsOn,
        regionCode,
        districtCodes,
        capacity,
        null,
        null,
        false,
        List.of());
  }
}
