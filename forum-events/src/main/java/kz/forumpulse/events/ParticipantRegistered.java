package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A participant registered for a forum.
 *
 * <p>Carries what consumers need and nothing more: no phone, no e-mail. {@code fullName} is here
 * only because feedback-service shows it on questions the participant chooses to ask by name.
 * {@code accessCodeHash} (SHA-256, hex, of the personal access code) lets feedback-service
 * recognise the participant without ever seeing the code itself.
 *
 * <p>{@code status} is REGISTERED, WAITLISTED (forum or a chosen session full; a {@link
 * ParticipantWaitlisted} with the position follows) or PENDING (the forum needs approval). Version
 * 2 added {@code sessions}, the codes of the forum sessions chosen.
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
    String status,
    List<String> sessions)
    implements AttendeeEvent {

  public static final int VERSION = 2;

  public ParticipantRegistered {
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }

  /** The version 1 shape, kept so existing producers and tests compile unchanged. */
  public ParticipantRegistered(
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
      String status) {
    this(
        eventId,
        version,
        occurredAt,
        forumId,
        participantId,
        accessCodeHash,
        fullName,
        role,
        district,
        ruralDistrict,
        elected,
        partyMember,
        language,
        status,
        List.of());
  }
}
