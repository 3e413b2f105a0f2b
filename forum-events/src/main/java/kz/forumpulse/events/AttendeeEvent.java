package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events on {@link Topics#ATTENDEES}. They never carry phone numbers, e-mails or addresses. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ParticipantRegistered.class, name = "ParticipantRegistered")
})
public sealed interface AttendeeEvent extends DomainEvent permits ParticipantRegistered {

  ParticipantId participantId();
}
