package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The participant (or an organiser) cancelled the registration; {@code previousStatus} tells
 * whether it freed a seat (REGISTERED).
 *
 * <p>{@code status} is the registration's status after the change (REGISTERED, WAITLISTED, PENDING,
 * DECLINED or CANCELLED), so a consumer can keep it without knowing the state machine.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantCancelled(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    ParticipantId participantId,
    String status,
    String previousStatus)
    implements AttendeeEvent {

  public static final int VERSION = 1;
}
