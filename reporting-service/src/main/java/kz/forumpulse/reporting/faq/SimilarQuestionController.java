package kz.forumpulse.reporting.faq;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SimilarQuestionController {

  private final SimilarQuestions similar;

  SimilarQuestionController(SimilarQuestions similar) {
    this.similar = similar;
  }

  /** Up to three existing questions of the project most like the draft text. */
  @GetMapping("/api/forums/{forumId}/questions/similar")
  List<SimilarQuestions.SimilarQuestionView> similar(
      @PathVariable String forumId,
      @RequestParam @NotBlank @Size(max = 64) String project,
      @RequestParam @NotBlank @Size(max = 1000) String text,
      @RequestParam(required = false) String lang,
      @RequestParam(defaultValue = "3") int limit) {
    return similar.similar(forumId, project, text, lang, limit);
  }
}
