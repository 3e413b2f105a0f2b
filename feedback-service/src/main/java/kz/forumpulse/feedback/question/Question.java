package kz.forumpulse.feedback.question;

import java.time.Instant;
import java.util.List;
import kz.forumpulse.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question, everything that happened to it, and the events about it still waiting to be published
 * — one document, so a change, its history entry and its event are written atomically.
 *
 * <p>{@code revision} grows with every change and guards them (optimistic concurrency): a
 * moderator's approval and a participant's vote on the same question cannot overwrite each other.
 * {@code authorName} is stored only for questions asked by name; district and role always are, for
 * reports. {@code supporters} holds participant ids, so a participant supports at most once.
 */
@Document(Question.COLLECTION)
public record Question(
    @Id String id,
    String forumId,
    String participantId,
    String authorName,
    String district,
    String role,
    String project,
    String sessionId,
    String text,
    String originalText,
    String language,
    boolean anonymous,
    QuestionStatus status,
    String statusReason,
    Instant submittedAt,
    Answer answer,
    List<String> supporters,
    int supportCount,
    long revision,
    List<Action> actions,
    List<OutboxEntry> outbox) {

  public static final String COLLECTION = "questions";

  public Question {
    supporters = supporters == null ? List.of() : supporters;
    actions = actions == null ? List.of() : actions;
    outbox = outbox == null ? List.of() : outbox;
  }

  public boolean edited() {
    return originalText != null && !originalText.equals(text);
  }

  /** The answer a moderator or speaker gave. */
  public record Answer(String text, String by, Instant at) {}

  /** One entry of the question's history: who did what, when and why. */
  public record Action(String type, String by, Instant at, String reason, String previousText) {}
}
