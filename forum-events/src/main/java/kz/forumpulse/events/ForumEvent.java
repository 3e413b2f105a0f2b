package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events on {@link Topics#FORUMS}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ForumScheduled.class, name = "ForumScheduled"),
  @JsonSubTypes.Type(value = ForumUpdated.class, name = "ForumUpdated")
})
public sealed interface ForumEvent extends DomainEvent permits ForumScheduled, ForumUpdated {}
