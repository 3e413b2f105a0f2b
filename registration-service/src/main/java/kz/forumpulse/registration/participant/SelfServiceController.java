package kz.forumpulse.registration.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The participant's own registration, reached with the personal access code in the {@code
 * X-Participant-Code} header (a header rather than the URL, so the code stays out of access logs
 * and browser history).
 */
@RestController
@RequestMapping("/api/me")
@Tag(name = "Self-service", description = "Participant with the X-Participant-Code header")
class SelfServiceController {

  static final String CODE_HEADER = "X-Participant-Code";

  private final RegistrationLookup lookup;
  private final RegistrationChanges changes;

  SelfServiceController(RegistrationLookup lookup, RegistrationChanges changes) {
    this.lookup = lookup;
    this.changes = changes;
  }

  @GetMapping
  @Operation(summary = "My registration, with my place in the waiting line if waitlisted")
  RegistrationView view(@RequestHeader(CODE_HEADER) String code) {
    return changes.view(lookup.byAccessCode(code));
  }

  @PatchMapping
  @Operation(
      summary = "Change name, organisation, position, language or sessions; ParticipantUpdated")
  RegistrationView edit(
      @RequestHeader(CODE_HEADER) String code, @Valid @RequestBody EditRequest request) {
    return changes.edit(lookup.byAccessCode(code), request);
  }

  @DeleteMapping
  @Operation(
      summary = "Cancel my registration; ParticipantCancelled, and the first in line is promoted")
  RegistrationView cancel(@RequestHeader(CODE_HEADER) String code) {
    return changes.cancel(lookup.byAccessCode(code));
  }
}
