package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events on {@link Topics#ATTENDEES}. They never carry phone numbers, e-mails or addresses. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ParticipantRegistered.class, name = "ParticipantRegistered"),
  @JsonSubTypes.Type(value = ParticipantUpdated.class, name = "ParticipantUpdated"),
  @JsonSubTypes.Type(value = ParticipantWaitlisted.class, name = "ParticipantWaitlisted"),
  @JsonSubTypes.Type(value = ParticipantPromoted.class, name = "ParticipantPromoted"),
  @JsonSubTypes.Type(value = ParticipantApproved.class, name = "ParticipantApproved"),
  @JsonSubTypes.Type(value = ParticipantDeclined.class, name = "ParticipantDeclined"),
  @JsonSubTypes.Type(value = ParticipantCancelled.class, name = "ParticipantCancelled"),
  @JsonSubTypes.Type(value = ParticipantCheckedIn.class, name = "ParticipantCheckedIn"),
  @JsonSubTypes.Type(value = ParticipantCheckInUndone.class, name = "ParticipantCheckInUndone"),
  @JsonSubTypes.Type(value = ParticipantErased.class, name = "ParticipantErased")
})
public sealed interface AttendeeEvent extends DomainEvent
    permits ParticipantRegistered,
        ParticipantUpdated,
        ParticipantWaitlisted,
        ParticipantPromoted,
        ParticipantApproved,
        ParticipantDeclined,
        ParticipantCancelled,
        ParticipantCheckedIn,
        ParticipantCheckInUndone,
        ParticipantErased {

  ParticipantId participantId();

  /** The registration's status after this event. */
  String status();
}
