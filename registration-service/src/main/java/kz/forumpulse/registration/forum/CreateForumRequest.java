package kz.forumpulse.registration.forum;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What an organiser sends to set up a forum. */
record CreateForumRequest(
    @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
        String titleRu,
    @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
        String titleKk,
    @NotNull(message = "{validation.required}") LocalDate startsOn,
    LocalDate endsOn,
    @Size(max = 300, message = "{validation.tooLong}") String venue,
    @NotBlank(message = "{validation.required}") String regionCode,
    @NotNull(message = "{validation.required}")
        @Positive(message = "{validation.invalid}")
        @Max(value = 100_000, message = "{validation.invalid}")
        Integer capacity) {}
