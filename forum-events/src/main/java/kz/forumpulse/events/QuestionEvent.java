package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events on {@link Topics#QUESTIONS}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = QuestionSubmitted.class, name = "QuestionSubmitted")})
public sealed interface QuestionEvent extends DomainEvent permits QuestionSubmitted {

  QuestionId questionId();
}
