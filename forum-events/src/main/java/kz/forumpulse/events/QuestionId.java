package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Typed identifier, written to JSON as a plain string. */
public record QuestionId(@JsonValue String value) {

  public QuestionId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("QuestionId must not be blank");
    }
  }

  @JsonCreator
  public static QuestionId of(String value) {
    return new QuestionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
