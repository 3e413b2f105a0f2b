package kz.forumpulse.reporting.faq;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GroupQuestionsController {

  private final GroupQuestions questions;

  GroupQuestionsController(GroupQuestions questions) {
    this.questions = questions;
  }

  /** The questions of one FAQ group (staff only), oldest first. */
  @GetMapping("/api/forums/{forumId}/reports/faq/groups/{groupId}/questions")
  List<GroupQuestions.GroupQuestion> questions(
      @PathVariable String forumId, @PathVariable String groupId, @RequestParam String project) {
    return questions.of(forumId, project, groupId);
  }
}
