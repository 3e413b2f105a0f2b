package kz.forumpulse.registration.participant;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistrationController {

  private final Registrations registrations;

  RegistrationController(Registrations registrations) {
    this.registrations = registrations;
  }

  @PostMapping("/api/forums/{forumId}/registrations")
  ResponseEntity<RegistrationResult> register(
      @PathVariable String forumId, @Valid @RequestBody RegisterRequest request) {
    RegistrationResult result = registrations.register(forumId, request);
    return ResponseEntity.created(
            URI.create("/api/forums/" + forumId + "/registrations/" + result.id()))
        .body(result);
  }
}
