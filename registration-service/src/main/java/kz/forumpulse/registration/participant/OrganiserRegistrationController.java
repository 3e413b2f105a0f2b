package kz.forumpulse.registration.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What an organiser does with a forum's registrations. */
@RestController
@RequestMapping("/api/forums/{forumId}/registrations")
@Tag(name = "Organiser: registrations", description = "List, approve, decline, cancel, erase")
class OrganiserRegistrationController {

  private final RegistrationSearch search;
  private final RegistrationLookup lookup;
  private final RegistrationChanges changes;

  OrganiserRegistrationController(
      RegistrationSearch search, RegistrationLookup lookup, RegistrationChanges changes) {
    this.search = search;
    this.lookup = lookup;
    this.changes = changes;
  }

  @GetMapping
  @Operation(summary = "Registrations, filtered (status, district, role, session, q) and paged")
  RegistrationSearch.Page list(
      @PathVariable String forumId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > 500) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "size", "invalidPage");
    }
    return search.page(
        forumId, new RegistrationFilter(status, district, role, session, q), page, size);
  }

  @GetMapping("/summary")
  @Operation(summary = "Counts by status, checked in, free seats")
  Map<String, Object> summary(@PathVariable String forumId) {
    return search.summary(forumId);
  }

  @GetMapping("/{registrationId}")
  @Operation(summary = "One registration, with contact details")
  RegistrationView one(@PathVariable String forumId, @PathVariable String registrationId) {
    return changes.view(lookup.byId(forumId, registrationId));
  }

  @PostMapping("/{registrationId}/approve")
  @Operation(summary = "Approve a PENDING registration; ParticipantApproved")
  RegistrationView approve(@PathVariable String forumId, @PathVariable String registrationId) {
    return changes.approve(lookup.byId(forumId, registrationId));
  }

  @PostMapping("/{registrationId}/decline")
  @Operation(summary = "Decline a PENDING or WAITLISTED registration; ParticipantDeclined")
  RegistrationView decline(@PathVariable String forumId, @PathVariable String registrationId) {
    return changes.decline(lookup.byId(forumId, registrationId));
  }

  @PostMapping("/{registrationId}/cancel")
  @Operation(summary = "Cancel on the participant's behalf; ParticipantCancelled, promotes")
  RegistrationView cancel(@PathVariable String forumId, @PathVariable String registrationId) {
    return changes.cancel(lookup.byId(forumId, registrationId));
  }

  @DeleteMapping("/{registrationId}/personal-data")
  @Operation(
      summary = "Erase the participant's personal data; ParticipantErased",
      description = "The record stays as an anonymous count (status, role, district, sessions).")
  RegistrationView erase(@PathVariable String forumId, @PathVariable String registrationId) {
    return changes.erase(lookup.byId(forumId, registrationId));
  }
}
