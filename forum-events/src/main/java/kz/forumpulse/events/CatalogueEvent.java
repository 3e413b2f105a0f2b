package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Events on {@link Topics#CATALOGUE}: a forum's project catalogue. Kept off the questions topic so
 * question consumers never meet a type they cannot decode.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ProjectCatalogueChanged.class, name = "ProjectCatalogueChanged")
})
public sealed interface CatalogueEvent extends DomainEvent permits ProjectCatalogueChanged {}
