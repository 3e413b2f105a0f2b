package kz.forumpulse.reporting.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RebuildController {

  private final Rebuild rebuild;

  RebuildController(Rebuild rebuild) {
    this.rebuild = rebuild;
  }

  /** Rebuilds all reports from the topics' history; 202 with the status to poll. */
  @PostMapping("/api/reports/rebuild")
  ResponseEntity<RebuildStatus> start() {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
  }

  @GetMapping("/api/reports/rebuild")
  RebuildStatus status() {
    return rebuild.status();
  }
}
