package kz.forumpulse.registration.participant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A participant's registration form. Contact details stay in this service, always. {@code sessions}
 * are codes of the forum's sessions.
 */
record RegisterRequest(
    @Schema(example = "Ерлан Жаксыбеков")
        @NotBlank(message = "{validation.required}")
        @Size(max = 200, message = "{validation.tooLong}")
        String fullName,
    @Schema(example = "RURAL_AKIM")
        @NotBlank(message = "{validation.required}")
        @Pattern(
            regexp = "RURAL_AKIM|MASLIKHAT_DEPUTY|PARTY_OFFICIAL|AKIMAT_STAFF|GUEST",
            message = "{validation.role}")
        String role,
    @Schema(example = "TEREKTI")
        @NotBlank(message = "{validation.required}")
        @Size(max = 40, message = "{validation.tooLong}")
        String district,
    @Schema(example = "Федоровский сельский округ")
        @Size(max = 200, message = "{validation.tooLong}")
        String ruralDistrict,
    @Schema(example = "Аппарат акима Федоровского с.о.")
        @Size(max = 200, message = "{validation.tooLong}")
        String organisation,
    @Schema(example = "аким") @Size(max = 200, message = "{validation.tooLong}") String position,
    @Schema(example = "true") Boolean elected,
    @Schema(example = "true") Boolean partyMember,
    @Schema(example = "+7 701 555 12 34") @Size(max = 40, message = "{validation.tooLong}")
        String phone,
    @Schema(example = "akim@example.kz")
        @Email(message = "{validation.email}")
        @Size(max = 200, message = "{validation.tooLong}")
        String email,
    @Schema(example = "kk") @Pattern(regexp = "ru|kk", message = "{validation.language}")
        String language,
    @Schema(example = "true")
        @NotNull(message = "{validation.mustBeTrue}")
        @AssertTrue(message = "{validation.mustBeTrue}")
        Boolean consent,
    @Size(max = 20, message = "{validation.tooMany}")
        List<
                @NotBlank(message = "{validation.required}")
                @Size(max = 40, message = "{validation.tooLong}") String>
            sessions) {

  List<String> sessionsOrEmpty() {
    return sessions == null ? List.of() : sessions.stream().distinct().sorted().toList();
  }
}
