package kz.forumpulse.registration.forum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kz.forumpulse.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A forum, with the events about it that still wait to be published (its outbox). */
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
    Instant createdAt,
    List<OutboxEntry> outbox) {

  public static final String COLLECTION = "forums";

  public boolean hasDistrict(String code) {
    return districts.stream().anyMatch(d -> d.code().equals(code));
  }
}
