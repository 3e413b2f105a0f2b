package kz.forumpulse.registration.participant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a participant may change themselves; a field left out (null) stays as it is. {@code
 * sessions}, when given, is the whole new choice. Role, district and contacts are not here: they
 * decide duplicates and reports, so an organiser changes them (or the participant re-registers).
 */
record EditRequest(
    @Size(min = 1, max = 200, message = "{validation.tooLong}") String fullName,
    @Size(max = 200, message = "{validation.tooLong}") String organisation,
    @Size(max = 200, message = "{validation.tooLong}") String position,
    @Pattern(regexp = "ru|kk", message = "{validation.language}") String language,
    @Size(max = 20, message = "{validation.tooMany}")
        List<
                @NotBlank(message = "{validation.required}")
                @Size(max = 40, message = "{validation.tooLong}") String>
            sessions) {}
