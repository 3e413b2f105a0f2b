package kz.forumpulse.registration.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.forumpulse.registration.participant.RegistrationFilter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Organiser: exports")
class ExportController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final RegistrationExport export;

  ExportController(RegistrationExport export) {
    this.export = export;
  }

  @GetMapping("/api/forums/{forumId}/exports/registrations.csv")
  @Operation(summary = "Registrations as CSV (same filters as the list)")
  ResponseEntity<byte[]> csv(
      @PathVariable String forumId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String q) {
    byte[] body = export.csv(forumId, new RegistrationFilter(status, district, role, session, q));
    return file(
        body,
        new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
        forumId + ".csv");
  }

  @GetMapping("/api/forums/{forumId}/exports/registrations.xlsx")
  @Operation(summary = "Registrations as XLSX (same filters as the list)")
  ResponseEntity<byte[]> xlsx(
      @PathVariable String forumId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String q) {
    byte[] body = export.xlsx(forumId, new RegistrationFilter(status, district, role, session, q));
    return file(body, XLSX, forumId + ".xlsx");
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("registrations-" + name).build().toString())
        .body(body);
  }
}
