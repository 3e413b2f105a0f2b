package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The participant changed their registration (self-service) or an organiser did. Carries the new
 * values of everything consumers know from {@link ParticipantRegistered}, never contact details.
 *
 * <p>{@code status} is the registration's status after the change (REGISTERED, WAITLISTED, PENDING,
 * DECLINED or CANCELLED), so a consumer can keep it without knowing the state machine.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantUpdated(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    ParticipantId participantId,
    String status,
    String fullName,
    String role,
    String district,
    String ruralDistrict,
    boolean elected,
    boolean partyMember,
    String language,
    List<String> sessions)
    implements AttendeeEvent {

  public static final int VERSION = 1;
}
