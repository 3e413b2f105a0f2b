package kz.forumpulse.feedback.question;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A participant's side: ask, and see their own questions with status and answer. */
@RestController
class QuestionController {

  /** The participant's personal access code, received at registration. */
  public static final String PARTICIPANT_CODE_HEADER = "X-Participant-Code";

  private final Questions questions;

  QuestionController(Questions questions) {
    this.questions = questions;
  }

  @PostMapping("/api/forums/{forumId}/questions")
  ResponseEntity<QuestionView> submit(
      @PathVariable String forumId,
      @RequestHeader(name = PARTICIPANT_CODE_HEADER, required = false) String accessCode,
      @Valid @RequestBody SubmitQuestionRequest request) {
    QuestionView question = questions.submit(forumId, accessCode, request);
    return ResponseEntity.created(
            URI.create("/api/forums/" + forumId + "/questions/" + question.id()))
        .body(question);
  }

  @GetMapping("/api/forums/{forumId}/my/questions")
  List<QuestionView> mine(
      @PathVariable String forumId,
      @RequestHeader(name = PARTICIPANT_CODE_HEADER, required = false) String accessCode) {
    return questions.mine(forumId, accessCode);
  }

  /** The author withdraws their own question. */
  @DeleteMapping("/api/forums/{forumId}/my/questions/{questionId}")
  QuestionView withdraw(
      @PathVariable String forumId,
      @PathVariable String questionId,
      @RequestHeader(name = PARTICIPANT_CODE_HEADER, required = false) String accessCode) {
    return questions.withdrawOwn(forumId, accessCode, questionId);
  }
}
