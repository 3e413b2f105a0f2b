package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An organiser changed a forum. Carries the forum's whole new state (not a diff), so a consumer
 * that missed earlier updates is still right after applying the latest one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForumUpdated(
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
    List<ForumSession> sessions,
    long revision)
    implements ForumEvent {

  public static final int VERSION = 1;

  public ForumUpdated {
    districtCodes = districtCodes == null ? List.of() : List.copyOf(districtCodes);
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }
}
