package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A forum's project catalogue changed. Carries the whole catalogue after the change (retired
 * projects included, {@code active=false}), so a consumer needs only the latest event of a forum;
 * {@code catalogueVersion} grows by one per change. {@code change} says what happened: {@code
 * INITIALISED} (the default catalogue of a newly known forum), {@code ADDED}, {@code RENAMED},
 * {@code RETIRED}; {@code projectCode} names the project concerned (null for INITIALISED).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectCatalogueChanged(
    UUID eventId,
    int version,
    Instant occurredAt,
    ForumId forumId,
    long catalogueVersion,
    String change,
    String projectCode,
    String changedBy,
    List<CatalogueProject> projects)
    implements CatalogueEvent {

  public static final int VERSION = 1;

  public ProjectCatalogueChanged {
    projects = projects == null ? List.of() : List.copyOf(projects);
  }

  /** One project of the catalogue, named in Russian and Kazakh. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CatalogueProject(String code, String nameRu, String nameKk, boolean active) {}
}
