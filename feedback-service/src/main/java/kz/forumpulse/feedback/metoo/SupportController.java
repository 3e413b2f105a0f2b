package kz.forumpulse.feedback.metoo;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** "Me too" on a question; both calls are idempotent. */
@RestController
class SupportController {

  private static final String PARTICIPANT_CODE_HEADER = "X-Participant-Code";

  private final Supports supports;

  SupportController(Supports supports) {
    this.supports = supports;
  }

  @PostMapping("/api/forums/{forumId}/questions/{questionId}/support")
  Supports.SupportView support(
      @PathVariable String forumId,
      @PathVariable String questionId,
      @RequestHeader(name = PARTICIPANT_CODE_HEADER, required = false) String accessCode) {
    return supports.support(forumId, questionId, accessCode);
  }

  @DeleteMapping("/api/forums/{forumId}/questions/{questionId}/support")
  Supports.SupportView withdraw(
      @PathVariable String forumId,
      @PathVariable String questionId,
      @RequestHeader(name = PARTICIPANT_CODE_HEADER, required = false) String accessCode) {
    return supports.withdraw(forumId, questionId, accessCode);
  }
}
