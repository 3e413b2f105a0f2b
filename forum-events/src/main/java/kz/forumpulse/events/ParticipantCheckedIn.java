package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The participant was checked in at the door. Checking in again changes nothing and publishes
 * nothing.
 *
 * <p>{@code status} is the registration's status after the change (REGISTERED, WAITLISTED, PENDING,
 * DECLINED or CANCELLED), so a consumer can keep it without knowing the state machine.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantCheckedIn(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    ParticipantId participantId,
    String status,
    Instant checkedInAt)
    implements AttendeeEvent {

  public static final int VERSION = 1;
}
