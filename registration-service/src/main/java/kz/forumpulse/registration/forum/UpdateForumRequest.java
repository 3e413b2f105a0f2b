package kz.forumpulse.registration.forum;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partial change of a forum (PATCH): a field left out (null) stays as it is. {@code sessions},
 * when given, is the whole new list: sessions may be added or changed, never removed, because
 * participants may have chosen them. The region cannot change: registrations refer to its
 * districts. {@code clearRegistrationWindow} removes both bounds of the window.
 */
record UpdateForumRequest(
    @Size(min = 1, max = 300, message = "{validation.tooLong}") String titleRu,
    @Size(min = 1, max = 300, message = "{validation.tooLong}") String titleKk,
    LocalDate startsOn,
    LocalDate endsOn,
    @Size(max = 300, message = "{validation.tooLong}") String venue,
    @Positive(message = "{validation.invalid}")
        @Max(value = 100_000, message = "{validation.invalid}")
        Integer capacity,
    Instant registrationOpensAt,
    Instant registrationClosesAt,
    Boolean clearRegistrationWindow,
    Boolean requiresApproval,
    @Valid @Size(max = 20, message = "{validation.tooMany}") List<SessionRequest> sessions,
    Long expectedRevision) {}
