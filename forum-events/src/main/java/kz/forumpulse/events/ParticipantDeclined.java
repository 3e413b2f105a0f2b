package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * An organiser declined a pending or waitlisted registration.
 *
 * <p>{@code status} is the registration's status after the change (REGISTERED, WAITLISTED, PENDING,
 * DECLINED or CANCELLED), so a consumer can keep it without knowing the state machine.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantDeclined(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    ParticipantId participantId,
    String status)
    implements AttendeeEvent {

  public static final int VERSION = 1;
}
