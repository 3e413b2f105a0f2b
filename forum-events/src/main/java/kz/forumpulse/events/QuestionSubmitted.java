package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A participant asked a question about one of the forum's projects.
 *
 * <p>District and role travel with the question so reports can break questions down without joining
 * the attendee stream (whose order relative to this topic is not guaranteed). {@code authorName} is
 * null for anonymous questions: reports never learn who asked those.
 *
 * <p>Version 2 added {@code status} ({@link #PUBLISHED}, or {@link #PENDING_MODERATION} when the
 * forum is pre-moderated: such a question is not public until a {@link QuestionApproved} follows)
 * and {@code sessionId} (null when the question is about the forum in general). Readers of version
 * 1 records see {@code status} null and treat it as published.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionSubmitted(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    QuestionId questionId,
    ParticipantId participantId,
    String project,
    String text,
    String language,
    boolean anonymous,
    String authorName,
    String district,
    String role,
    String status,
    String sessionId)
    implements QuestionEvent {

  public static final int VERSION = 2;
  public static final String PUBLISHED = "PUBLISHED";
  public static final String PENDING_MODERATION = "PENDING_MODERATION";

  /** The version 1 shape: a published question outside any session. */
  public QuestionSubmitted(
      UUID eventId,
      int version,
      Instant occurredAt,
      ForumId forumId,
      QuestionId questionId,
      ParticipantId participantId,
      String project,
      String text,
      String language,
      boolean anonymous,
      String authorName,
      String district,
      String role) {
    this(
        eventId,
        version,
        occurredAt,
        forumId,
        questionId,
        participantId,
        project,
        text,
        language,
        anonymous,
        authorName,
        district,
        role,
        PUBLISHED,
        null);
  }

  /** Whether the question is public from the start (true for version 1 records). */
  public boolean published() {
    return status == null || PUBLISHED.equals(status);
  }
}
