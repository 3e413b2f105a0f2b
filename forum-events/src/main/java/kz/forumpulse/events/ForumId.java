package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** Typed identifier, written to JSON as a plain string. */
public record ForumId(@JsonValue String value) {

  public ForumId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("ForumId must not be blank");
    }
  }

  @JsonCreator
  public static ForumId of(String value) {
    return new ForumId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
