package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Events on {@link Topics#QUESTIONS}, keyed by forum id: one forum's question history arrives in
 * the order feedback-service stored it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = QuestionSubmitted.class, name = "QuestionSubmitted"),
  @JsonSubTypes.Type(value = QuestionEdited.class, name = "QuestionEdited"),
  @JsonSubTypes.Type(value = QuestionApproved.class, name = "QuestionApproved"),
  @JsonSubTypes.Type(value = QuestionRejected.class, name = "QuestionRejected"),
  @JsonSubTypes.Type(value = QuestionAnswered.class, name = "QuestionAnswered"),
  @JsonSubTypes.Type(value = QuestionWithdrawn.class, name = "QuestionWithdrawn"),
  @JsonSubTypes.Type(value = QuestionSupported.class, name = "QuestionSupported"),
  @JsonSubTypes.Type(value = QuestionSupportWithdrawn.class, name = "QuestionSupportWithdrawn")
})
public sealed interface QuestionEvent extends DomainEvent
    permits QuestionSubmitted,
        QuestionEdited,
        QuestionApproved,
        QuestionRejected,
        QuestionAnswered,
        QuestionWithdrawn,
        QuestionSupported,
        QuestionSupportWithdrawn {

  QuestionId questionId();
}
