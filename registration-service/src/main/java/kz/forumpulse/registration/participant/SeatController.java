package kz.forumpulse.registration.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Organiser: registrations")
class SeatController {

  private final Waitlist waitlist;

  SeatController(Waitlist waitlist) {
    this.waitlist = waitlist;
  }

  @PostMapping("/api/forums/{forumId}/seats/recount")
  @Operation(
      summary = "Repair the seat counters from the registrations (organiser)",
      description =
          "Sets free seats to capacity minus REGISTERED (per forum and per limited session), then"
              + " promotes from the waiting line. Safe to run any time; needed after a crash.")
  Map<String, Object> recount(@PathVariable String forumId) {
    return waitlist.recount(forumId);
  }
}
