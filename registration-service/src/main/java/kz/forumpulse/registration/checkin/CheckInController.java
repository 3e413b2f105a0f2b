package kz.forumpulse.registration.checkin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import kz.forumpulse.registration.participant.Registration;
import kz.forumpulse.registration.participant.RegistrationLookup;
import kz.forumpulse.registration.participant.RegistrationStatus;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Check-in and tickets")
class CheckInController {

  private final CheckIns checkIns;
  private final RegistrationLookup lookup;

  CheckInController(CheckIns checkIns, RegistrationLookup lookup) {
    this.checkIns = checkIns;
    this.lookup = lookup;
  }

  @PostMapping("/api/forums/{forumId}/check-ins")
  @Operation(
      summary = "Check a participant in by scanned ticket or typed access code (organiser)",
      description = "Idempotent: a second check-in answers alreadyCheckedIn=true, no new event.")
  CheckIns.CheckInResult checkIn(
      @PathVariable String forumId, @Valid @RequestBody CheckInRequest request) {
    return checkIns.checkIn(forumId, request);
  }

  @DeleteMapping("/api/forums/{forumId}/check-ins/{registrationId}")
  @Operation(summary = "Undo a check-in (organiser); ParticipantCheckInUndone")
  CheckIns.CheckInResult undo(@PathVariable String forumId, @PathVariable String registrationId) {
    return checkIns.undo(forumId, registrationId);
  }

  @GetMapping(value = "/api/me/ticket.png", produces = MediaType.IMAGE_PNG_VALUE)
  @Operation(summary = "My ticket as a QR code (PNG), for REGISTERED participants")
  ResponseEntity<byte[]> png(@RequestHeader("X-Participant-Code") String code) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.IMAGE_PNG)
        .body(TicketImages.png(ticketOf(code)));
  }

  @GetMapping(value = "/api/me/ticket.svg", produces = "image/svg+xml")
  @Operation(summary = "My ticket as a QR code (SVG), for REGISTERED participants")
  ResponseEntity<String> svg(@RequestHeader("X-Participant-Code") String code) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.valueOf("image/svg+xml"))
        .body(TicketImages.svg(ticketOf(code)));
  }

  private String ticketOf(String code) {
    Registration registration = lookup.byAccessCode(code);
    if (!RegistrationStatus.REGISTERED.name().equals(registration.status())) {
      throw new ApiProblem(HttpStatus.CONFLICT, "noTicketInStatus", registration.status())
          .with("status", registration.status());
    }
    return registration.ticketToken();
  }
}
