package kz.forumpulse.registration.participant;

import java.time.Instant;
import java.util.List;
import kz.forumpulse.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One participant's registration for one forum: the personal data this service owns, and the events
 * about it still waiting to be published.
 */
@Document(Registration.COLLECTION)
record Registration(
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
    String language,
    String status,
    String accessCodeHash,
    Instant consentGivenAt,
    String consentTextVersion,
    Instant registeredAt,
    List<OutboxEntry> outbox) {

  static final String COLLECTION = "registrations";
}
