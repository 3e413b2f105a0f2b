package kz.forumpulse.feedback.participant;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's view of a registered participant, built from attendee events: enough to recognise
 * their access code and to label their questions, and no contact details.
 */
@Document("participants")
public record Participant(
    @Id String id,
    String forumId,
    String accessCodeHash,
    String fullName,
    String role,
    String district,
    String status,
    List<String> appliedEvents) {

  /** Statuses in which a participant may no longer ask or support. */
  static final List<String> MAY_NOT_ASK = List.of("CANCELLED", "ERASED", "DECLINED");

  public boolean mayAsk() {
    return !MAY_NOT_ASK.contains(status);
  }
}
