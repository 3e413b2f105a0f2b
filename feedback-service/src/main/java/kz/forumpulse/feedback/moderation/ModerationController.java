package kz.forumpulse.feedback.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import kz.forumpulse.feedback.forum.KnownForum;
import kz.forumpulse.feedback.forum.ModerationMode;
import kz.forumpulse.feedback.question.QuestionStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Moderators' and organisers' side. The caller's account name is recorded as "who". */
@RestController
class ModerationController {

  private static final String BASE = "/api/forums/{forumId}/moderation";

  private final Moderation moderation;

  ModerationController(Moderation moderation) {
    this.moderation = moderation;
  }

  @GetMapping(BASE + "/settings")
  Settings settings(@PathVariable String forumId) {
    return Settings.of(moderation.settings(forumId));
  }

  @PutMapping(BASE + "/settings")
  Settings updateSettings(@PathVariable String forumId, @RequestBody Settings settings) {
    return Settings.of(
        moderation.updateSettings(forumId, settings.mode(), settings.questionsOpen()));
  }

  @GetMapping(BASE + "/questions")
  List<ModeratedQuestion> queue(
      @PathVariable String forumId,
      @RequestParam(required = false) QuestionStatus status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return moderation.queue(forumId, status, page, size);
  }

  @PostMapping(BASE + "/questions/{questionId}/approve")
  ModeratedQuestion approve(
      @PathVariable String forumId, @PathVariable String questionId, Principal who) {
    return moderation.approve(forumId, questionId, who.getName());
  }

  @PostMapping(BASE + "/questions/{questionId}/reject")
  ModeratedQuestion reject(
      @PathVariable String forumId,
      @PathVariable String questionId,
      @Valid @RequestBody Reason body,
      Principal who) {
    return moderation.reject(forumId, questionId, who.getName(), body.reason().strip());
  }

  @PostMapping(BASE + "/questions/{questionId}/edit")
  ModeratedQuestion edit(
      @PathVariable String forumId,
      @PathVariable String questionId,
      @Valid @RequestBody Edit body,
      Principal who) {
    return moderation.edit(forumId, questionId, who.getName(), body.text(), body.reason());
  }

  @PostMapping(BASE + "/questions/{questionId}/answer")
  ModeratedQuestion answer(
      @PathVariable String forumId,
      @PathVariable String questionId,
      @Valid @RequestBody Answer body,
      Principal who) {
    return moderation.answer(forumId, questionId, who.getName(), body.answer());
  }

  @PostMapping(BASE + "/questions/{questionId}/withdraw")
  ModeratedQuestion withdraw(
      @PathVariable String forumId,
      @PathVariable String questionId,
      @Valid @RequestBody Reason body,
      Principal who) {
    return moderation.withdraw(forumId, questionId, who.getName(), body.reason().strip());
  }

  /** Question settings of a forum; in a PUT, a null field is left unchanged. */
  record Settings(ModerationMode mode, Boolean questionsOpen) {
    static Settings of(KnownForum forum) {
      return new Settings(forum.moderation(), forum.acceptsQuestions());
    }
  }

  record Reason(
      @NotBlank(message = "{validation.required}")
          @Size(max = 500, message = "{validation.tooLong}")
          String reason) {}

  record Edit(
      @NotBlank(message = "{validation.required}")
          @Size(max = 1000, message = "{validation.tooLong}")
          String text,
      @Size(max = 500, message = "{validation.tooLong}") String reason) {}

  record Answer(
      @NotBlank(message = "{validation.required}")
          @Size(max = 4000, message = "{validation.tooLong}")
          String answer) {}
}
