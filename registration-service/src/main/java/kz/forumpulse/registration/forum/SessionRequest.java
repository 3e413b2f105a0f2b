package kz.forumpulse.registration.forum;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import kz.forumpulse.events.ForumSession;

/**
 * A session of a forum as an organiser describes it. The code is upper-case letters, digits and
 * underscores: it is a stable identifier participants choose, and a field name in the seat counter.
 */
record SessionRequest(
    @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "{validation.sessionCode}")
        String code,
    @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
        String titleRu,
    @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}")
        String titleKk,
    @Positive(message = "{validation.invalid}")
        @Max(value = 100_000, message = "{validation.invalid}")
        Integer capacity) {

  ForumSession toSession() {
    return new ForumSession(code, titleRu.strip(), titleKk.strip(), capacity);
  }
}
