package kz.forumpulse.reporting.curation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** FAQ curation by moderators: merge groups, move a question, set a group's text, undo. */
@RestController
class CurationController {

  private final Curations curations;

  CurationController(Curations curations) {
    this.curations = curations;
  }

  record MergeRequest(
      @NotBlank(message = "{validation.required}") @Size(max = 64) String project,
      @NotBlank(message = "{validation.required}") @Size(max = 100) String sourceGroupId,
      @NotBlank(message = "{validation.required}") @Size(max = 100) String targetGroupId) {}

  record MoveRequest(
      @NotBlank(message = "{validation.required}") @Size(max = 64) String project,
      @NotBlank(message = "{validation.required}") @Size(max = 100) String questionId,
      @Size(max = 100) String targetGroupId) {}

  record TextRequest(
      @NotBlank(message = "{validation.required}") @Size(max = 64) String project,
      @NotBlank(message = "{validation.required}") String language,
      @NotBlank(message = "{validation.required}")
          @Size(max = 1000, message = "{validation.tooLong}")
          String text) {}

  @PostMapping("/api/forums/{forumId}/faq/merges")
  ResponseEntity<CurationAction> merge(
      @PathVariable String forumId, @Valid @RequestBody MergeRequest r, Principal who) {
    return created(
        curations.merge(forumId, r.project(), r.sourceGroupId(), r.targetGroupId(), who.getName()));
  }

  @PostMapping("/api/forums/{forumId}/faq/moves")
  ResponseEntity<CurationAction> move(
      @PathVariable String forumId, @Valid @RequestBody MoveRequest r, Principal who) {
    return created(
        curations.move(forumId, r.project(), r.questionId(), r.targetGroupId(), who.getName()));
  }

  @PutMapping("/api/forums/{forumId}/faq/groups/{groupId}/representative")
  ResponseEntity<CurationAction> text(
      @PathVariable String forumId,
      @PathVariable String groupId,
      @Valid @RequestBody TextRequest r,
      Principal who) {
    return created(
        curations.representative(
            forumId, r.project(), groupId, r.language(), r.text(), who.getName()));
  }

  @PostMapping("/api/forums/{forumId}/faq/curation/{actionId}/undo")
  ResponseEntity<Void> undo(
      @PathVariable String forumId, @PathVariable String actionId, Principal who) {
    curations.undo(forumId, actionId, who.getName());
    return ResponseEntity.noContent().build();
  }

  /** Every curation action of the forum, with who, when, and whether it was undone. */
  @GetMapping("/api/forums/{forumId}/faq/curation")
  List<Document> history(@PathVariable String forumId) {
    return curations.history(forumId);
  }

  private static ResponseEntity<CurationAction> created(CurationAction action) {
    return ResponseEntity.status(HttpStatus.CREATED).body(action);
  }
}
