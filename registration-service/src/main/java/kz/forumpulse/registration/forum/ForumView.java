package kz.forumpulse.registration.forum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import kz.forumpulse.events.ForumSession;

/** A forum as the public API shows it, with the codes a registration form needs. */
record ForumView(
    String id,
    String titleRu,
    String titleKk,
    LocalDate startsOn,
    LocalDate endsOn,
    String venue,
    String regionCode,
    int capacity,
    List<District> districts,
    List<RoleView> roles,
    Instant registrationOpensAt,
    Instant registrationClosesAt,
    boolean requiresApproval,
    List<ForumSession> sessions,
    long revision) {

  record RoleView(String code, String nameRu, String nameKk) {}

  static ForumView of(Forum forum) {
    return new ForumView(
        forum.id(),
        forum.titleRu(),
        forum.titleKk(),
        forum.startsOn(),
        forum.endsOn(),
        forum.venue(),
        forum.regionCode(),
        forum.capacity(),
        forum.districts(),
        Arrays.stream(ParticipantRole.values())
            .map(r -> new RoleView(r.name(), r.nameRu(), r.nameKk()))
            .toList(),
        forum.registrationOpensAt(),
        forum.registrationClosesAt(),
        forum.requiresApproval(),
        forum.sessions(),
        forum.revision());
  }
}
