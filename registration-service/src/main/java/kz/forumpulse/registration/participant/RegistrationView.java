package kz.forumpulse.registration.participant;

import java.time.Instant;
import java.util.List;

/**
 * A registration as the participant (with their access code) or an organiser sees it. Contact
 * details appear here, never in events. After erasure the personal fields are null and {@code
 * erased} is true.
 */
public record RegistrationView(
    String id,
    String forumId,
    String status,
    Integer waitlistPosition,
    String fullName,
    String role,
    String district,
    String ruralDistrict,
    String organisation,
    String position,
    boolean elected,
    boolean partyMember,
    String phone,
    String email,
    String language,
    List<String> sessions,
    Instant registeredAt,
    Instant consentGivenAt,
    String consentTextVersion,
    Instant checkedInAt,
    boolean erased) {

  static RegistrationView of(Registration r, Integer waitlistPosition) {
    return new RegistrationView(
        r.id(),
        r.forumId(),
        r.status(),
        waitlistPosition,
        r.fullName(),
        r.role(),
        r.district(),
        r.ruralDistrict(),
        r.organisation(),
        r.position(),
        r.elected(),
        r.partyMember(),
        r.phone(),
        r.email(),
        r.language(),
        r.sessions(),
        r.registeredAt(),
        r.consentGivenAt(),
        r.consentTextVersion(),
        r.checkedInAt(),
        r.erasedAt() != null);
  }
}
