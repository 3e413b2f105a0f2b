package kz.forumpulse.registration.forum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.forumpulse.events.ForumSession;
import kz.forumpulse.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A forum, with the events about it that still wait to be published (its outbox). {@code revision}
 * grows with every edit; edits are conditional on it, so two organisers never overwrite each other
 * unknowingly.
 */
@Document(Forum.COLLECTION)
public record Forum(
    @Id String id,
    String titleRu,
    String titleKk,
    LocalDate startsOn,
    LocalDate endsOn,
    String venue,
    String regionCode,
    List<District> districts,
    int capacity,
    Instant registrationOpensAt,
    Instant registrationClosesAt,
    boolean requiresApproval,
    List<ForumSession> sessions,
    long revision,
    Instant createdAt,
    List<OutboxEntry> outbox) {

  public static final String COLLECTION = "forums";

  public Forum {
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }

  public boolean hasDistrict(String code) {
    return districts.stream().anyMatch(d -> d.code().equals(code));
  }

  public Optional<ForumSession> session(String code) {
    return sessions.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /** Whether registrations are accepted at {@code now} (the window's bounds are optional). */
  public RegistrationWindow windowAt(Instant now) {
    if (registrationOpensAt != null && now.isBefore(registrationOpensAt)) {
      return RegistrationWindow.NOT_YET_OPEN;
    }
    if (registrationClosesAt != null && !now.isBefore(registrationClosesAt)) {
      return RegistrationWindow.CLOSED;
    }
    return RegistrationWindow.OPEN;
  }

  /** Where a moment falls relative to the registration window. */
  public enum RegistrationWindow {
    NOT_YET_OPEN,
    OPEN,
    CLOSED
  }
}
