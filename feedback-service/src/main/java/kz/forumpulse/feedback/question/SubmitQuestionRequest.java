package kz.forumpulse.feedback.question;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A participant's question. The text is plain text, stored as typed (Unicode-normalised) and never
 * interpreted as markup. {@code sessionId} is optional: a question about one session of the forum.
 */
record SubmitQuestionRequest(
    @NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.tooLong}")
        String project,
    @NotBlank(message = "{validation.required}")
        @Size(max = Questions.MAX_TEXT_LENGTH, message = "{validation.tooLong}")
        String text,
    @Pattern(regexp = "ru|kk", message = "{validation.language}") String language,
    @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "{validation.session}") String sessionId,
    Boolean anonymous) {}
