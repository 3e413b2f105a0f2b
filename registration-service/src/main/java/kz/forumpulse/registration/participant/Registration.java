package kz.forumpulse.registration.participant;

import java.time.Instant;
import java.util.List;
import kz.forumpulse.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One participant's registration for one forum: the personal data this service owns, and the events
 * about it still waiting to be published. Every change is one conditional single-document update
 * that also appends its event, so a change and its event exist together or not at all.
 *
 * <p>{@code waitlistTicket} orders the waiting line (from the forum's counter, never reused);
 * {@code idempotencyScope} ({@code forumId:Idempotency-Key}) makes a retried POST find this
 * registration; {@code ticketToken} is what the QR code carries (random, nothing personal).
 */
@Document(Registration.COLLECTION)
public record Registration(
    @Id String id,
    String forumId,
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
    String contactKey,
    String emailKey,
    String language,
    String status,
    String accessCodeHash,
    Instant consentGivenAt,
    String consentTextVersion,
    Instant registeredAt,
    List<String> sessions,
    Long waitlistTicket,
    String initialStatus,
    String idempotencyScope,
    String ticketToken,
    Instant checkedInAt,
    Instant updatedAt,
    Instant erasedAt,
    List<OutboxEntry> outbox) {

  public static final String COLLECTION = "registrations";

  public Registration {
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }

  public RegistrationStatus statusValue() {
    return RegistrationStatus.valueOf(status);
  }

  public boolean holdsSeat() {
    return RegistrationStatus.REGISTERED.name().equals(status);
  }
}
