package kz.forumpulse.registration.participant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A participant's registration form. Contact details stay in this service, always. */
record RegisterRequest(
    @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        String fullName,
    @NotBlank(message = "{validation.required}")
        @Pattern(
            regexp = "RURAL_AKIM|MASLIKHAT_DEPUTY|PARTY_OFFICIAL|AKIMAT_STAFF|GUEST",
            message = "{validation.role}")
        String role,
    @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.tooLong}")
        String district,
    @Size(max = 200, message = "{validation.tooLong}") String ruralDistrict,
    @Size(max = 200, message = "{validation.tooLong}") String organisation,
    @Size(max = 200, message = "{validation.tooLong}") String position,
    Boolean elected,
    Boolean partyMember,
    @Size(max = 40, message = "{validation.tooLong}") String phone,
    @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}")
        String email,
    @Pattern(regexp = "ru|kk", message = "{validation.language}") String language,
    @NotNull(message = "{validation.mustBeTrue}") @AssertTrue(message = "{validation.mustBeTrue}")
        Boolean consent) {}
