package kz.forumpulse.feedback.forum;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The project catalogue: public to read, edited by organisers. */
@RestController
class ProjectController {

  private final ForumCatalogue catalogue;

  ProjectController(ForumCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Active projects only: retired ones take no new questions. */
  @GetMapping("/api/forums/{forumId}/projects")
  List<Project> projects(@PathVariable String forumId) {
    return catalogue.require(forumId).projects().stream().filter(Project::active).toList();
  }

  @PostMapping("/api/forums/{forumId}/projects")
  ResponseEntity<Project> add(
      @PathVariable String forumId,
      @Valid @RequestBody AddProjectRequest request,
      Principal organiser) {
    Project added =
        catalogue.addProject(
            forumId,
            new Project(request.code(), request.nameRu().strip(), request.nameKk().strip(), true),
            organiser.getName());
    return ResponseEntity.created(
            URI.create("/api/forums/" + forumId + "/projects/" + added.code()))
        .body(added);
  }

  @PutMapping("/api/forums/{forumId}/projects/{code}")
  Project rename(
      @PathVariable String forumId,
      @PathVariable String code,
      @Valid @RequestBody RenameProjectRequest request,
      Principal organiser) {
    return catalogue.renameProject(
        forumId, code, request.nameRu().strip(), request.nameKk().strip(), organiser.getName());
  }

  /** Retires the project: existing questions keep it, new ones cannot choose it. */
  @DeleteMapping("/api/forums/{forumId}/projects/{code}")
  Project retire(@PathVariable String forumId, @PathVariable String code, Principal organiser) {
    return catalogue.retireProject(forumId, code, organiser.getName());
  }

  record AddProjectRequest(
      @NotBlank(message = "{validation.required}")
          @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "{validation.projectCode}")
          String code,
      @NotBlank(message = "{validation.required}")
          @Size(max = 200, message = "{validation.tooLong}")
          String nameRu,
      @NotBlank(message = "{validation.required}")
          @Size(max = 200, message = "{validation.tooLong}")
          String nameKk) {}

  record RenameProjectRequest(
      @NotBlank(message = "{validation.required}")
          @Size(max = 200, message = "{validation.tooLong}")
          String nameRu,
      @NotBlank(message = "{validation.required}")
          @Size(max = 200, message = "{validation.tooLong}")
          String nameKk) {}
}
