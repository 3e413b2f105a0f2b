package kz.forumpulse.feedback.wall;

import java.util.Locale;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public wall; anyone may read it (it shows nothing a participant did not make public). */
@RestController
class WallController {

  private final QuestionWall wall;

  WallController(QuestionWall wall) {
    this.wall = wall;
  }

  @GetMapping("/api/forums/{forumId}/questions")
  QuestionWall.WallPage wall(
      @PathVariable String forumId,
      @RequestParam(required = false) String project,
      @RequestParam(required = false) String session,
      @RequestParam(defaultValue = "supported") String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return wall.page(forumId, project, session, sortOf(sort), page, size);
  }

  private static QuestionWall.WallSort sortOf(String sort) {
    try {
      return QuestionWall.WallSort.valueOf(sort.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.forField(HttpStatus.BAD_REQUEST, "sort", "unknownSort", sort);
    }
  }
}
