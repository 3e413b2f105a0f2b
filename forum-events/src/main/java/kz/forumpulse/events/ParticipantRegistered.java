package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A participant registered for a forum.
 *
 * <p>Carries what consumers need and nothing more: no phone, no e-mail. {@code fullName} is here
 * only because feedback-service shows it on questions the participant chooses to ask by name.
 * {@code accessCodeHash} (SHA-256, hex, of the personal access code) lets feedback-service
 * recognise the participant without ever seeing the code itself.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantRegistered(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    ParticipantId participantId,
    String accessCodeHash,
    String fullName,
    String role,
    String district,
    String ruralDistrict,
    boolean elected,
    boolean partyMember,
    String language,
    String status)
    implements AttendeeEvent {

  public static final int VERSION = 1;
}
