package kz.forumpulse.feedback.forum;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of a forum, learnt from forum events, its project catalogue and the
 * organisers' question settings. {@code catalogueVersion} guards catalogue edits (optimistic
 * concurrency on one document) and numbers the catalogue events.
 */
@Document(KnownForum.COLLECTION)
public record KnownForum(
    @Id String id,
    String titleRu,
    String titleKk,
    List<String> districtCodes,
    List<Project> projects,
    List<String> sessionCodes,
    ModerationMode moderation,
    Boolean questionsOpen,
    long catalogueVersion) {

  static final String COLLECTION = "forums";

  public KnownForum {
    districtCodes = districtCodes == null ? List.of() : districtCodes;
    projects = projects == null ? List.of() : projects;
    sessionCodes = sessionCodes == null ? List.of() : sessionCodes;
    moderation = moderation == null ? ModerationMode.OFF : moderation;
  }

  public boolean hasActiveProject(String code) {
    return projects.stream().anyMatch(p -> p.active() && p.code().equals(code));
  }

  /**
   * Whether a question may name this session: any session when none is given, or the forum declared
   * no sessions (then it is a free label), else one of the forum's sessions.
   */
  public boolean hasSession(String code) {
    return code == null || sessionCodes.isEmpty() || sessionCodes.contains(code);
  }

  /** Questions are accepted unless an organiser closed the question period. */
  public boolean acceptsQuestions() {
    return !Boolean.FALSE.equals(questionsOpen);
  }

  public boolean preModerated() {
    return moderation == ModerationMode.PRE_MODERATED;
  }
}
