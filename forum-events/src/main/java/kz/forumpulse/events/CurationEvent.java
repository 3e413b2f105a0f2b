package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Events on {@link Topics#FAQ_CURATION}: a moderator's corrections of the automatic FAQ grouping.
 * They are applied on top of the automatic groups and each can be undone.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = FaqGroupsMerged.class, name = "FaqGroupsMerged"),
  @JsonSubTypes.Type(value = FaqQuestionMoved.class, name = "FaqQuestionMoved"),
  @JsonSubTypes.Type(value = FaqRepresentativeSet.class, name = "FaqRepresentativeSet"),
  @JsonSubTypes.Type(value = FaqCurationUndone.class, name = "FaqCurationUndone")
})
public sealed interface CurationEvent extends DomainEvent
    permits FaqGroupsMerged, FaqQuestionMoved, FaqRepresentativeSet, FaqCurationUndone {

  /** Who did it (staff account name). */
  String moderator();
}
