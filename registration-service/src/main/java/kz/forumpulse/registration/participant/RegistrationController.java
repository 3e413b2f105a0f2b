package kz.forumpulse.registration.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Registration", description = "Public registration form")
class RegistrationController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Registrations registrations;

  RegistrationController(Registrations registrations) {
    this.registrations = registrations;
  }

  @PostMapping("/api/forums/{forumId}/registrations")
  @Operation(
      summary = "Register for a forum (public); publishes ParticipantRegistered",
      description =
          "201 with the personal access code (shown once). Status REGISTERED, WAITLISTED (with"
              + " waitlistPosition) or PENDING (forum requires approval). The same person"
              + " (normalised phone or e-mail) again: 409 with registrationId. With an"
              + " Idempotency-Key, a retry returns the first answer; the same key with another"
              + " body: 422.")
  ResponseEntity<RegistrationResult> register(
      @PathVariable String forumId,
      @Parameter(description = "Any unique string up to 100 characters, e.g. a UUID")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          String idempotencyKey,
      @Valid @RequestBody RegisterRequest request) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalidIdempotencyKey");
    }
    RegistrationResult result = registrations.register(forumId, request, idempotencyKey);
    return ResponseEntity.created(
            URI.create("/api/forums/" + forumId + "/registrations/" + result.id()))
        .body(result);
  }
}
