package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Typed identifier, written to JSON as a plain string. */
public record ParticipantId(@JsonValue String value) {

  public ParticipantId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("ParticipantId must not be blank");
    }
  }

  @JsonCreator
  public static ParticipantId of(String value) {
    return new ParticipantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
