package kz.forumpulse.feedback.question;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QuestionController {

  /** The participant's personal access code, received at registration. */
  static final String PARTICIPANT_CODE_HEADER = "X-Participant-Code";

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
}
