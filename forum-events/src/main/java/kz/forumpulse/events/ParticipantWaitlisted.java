package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The forum (or a session the participant chose) was full: the participant waits in line. {@code
 * position} is 1-based at the time of the event; {@code waitlistTicket} orders the line for good.
 *
 * <p>{@code status} is the registration's status after the change (REGISTERED, WAITLISTED, PENDING,
 * DECLINED or CANCELLED), so a consumer can keep it without knowing the state machine.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantWaitlisted(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    ParticipantId participantId,
    String status,
    long waitlistTicket,
    int position)
    implements AttendeeEvent {

  public static final int VERSION = 1;
}
