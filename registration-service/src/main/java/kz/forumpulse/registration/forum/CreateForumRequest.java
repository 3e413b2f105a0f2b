package kz.forumpulse.registration.forum;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What an organiser sends to set up a forum. Only the first seven fields existed at first. */
record CreateForumRequest(
    @Schema(example = "Форум сельских акимов ЗКО")
        @NotBlank(message = "{validation.required}")
        @Size(max = 300, message = "{validation.tooLong}")
        String titleRu,
    @Schema(example = "БҚО ауыл әкімдерінің форумы")
        @NotBlank(message = "{validation.required}")
        @Size(max = 300, message = "{validation.tooLong}")
        String titleKk,
    @Schema(example = "2026-12-10") @NotNull(message = "{validation.required}") LocalDate startsOn,
    @Schema(example = "2026-12-10") LocalDate endsOn,
    @Schema(example = "Уральск") @Size(max = 300, message = "{validation.tooLong}") String venue,
    @Schema(example = "ZKO") @NotBlank(message = "{validation.required}") String regionCode,
    @Schema(example = "150")
        @NotNull(message = "{validation.required}")
        @Positive(message = "{validation.invalid}")
        @Max(value = 100_000, message = "{validation.invalid}")
        Integer capacity,
    @Schema(example = "2026-11-20T00:00:00Z") Instant registrationOpensAt,
    @Schema(example = "2026-12-09T18:00:00Z") Instant registrationClosesAt,
    @Schema(example = "false") Boolean requiresApproval,
    @Valid @Size(max = 20, message = "{validation.tooMany}") List<SessionRequest> sessions) {}
