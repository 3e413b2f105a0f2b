package kz.forumpulse.feedback.forum;

import java.util.List;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProjectController {

  private final ForumCatalogue catalogue;

  ProjectController(ForumCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/api/forums/{forumId}/projects")
  List<Project> projects(@PathVariable String forumId) {
    return catalogue
        .find(forumId)
        .map(forum -> forum.projects().stream().filter(Project::active).toList())
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "forumNotFound", forumId));
  }
}
