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

  public boolean mayAsk() {
    return !"CANCELLED".equals(status) && !"ERASED".equals(status) && !"DECLINED".equals(status);
  }
}
