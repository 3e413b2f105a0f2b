package kz.forumpulse.feedback.forum;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What this service knows of a forum, learnt from forum events, and its project catalogue. */
@Document("forums")
public record KnownForum(
    @Id String id,
    String titleRu,
    String titleKk,
    List<String> districtCodes,
    List<Project> projects) {

  public boolean hasActiveProject(String code) {
    return projects.stream().anyMatch(p -> p.active() && p.code().equals(code));
  }
}
