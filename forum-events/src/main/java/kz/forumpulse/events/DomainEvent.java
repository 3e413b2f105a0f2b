package kz.forumpulse.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event carries. Events are immutable past-tense facts; they evolve only by adding
 * fields, and readers ignore fields they do not know (see {@link EventCodec}).
 */
public interface DomainEvent {

  /**
   * Unique per fact: a redelivered or republished event keeps its id, so consumers dedupe on it.
   */
  UUID eventId();

  /** Schema version of this event type; bumped when fields are added. */
  int version();

  Instant occurredAt();

  ForumId forumId();

  /** The type name written to the {@code type} property and the {@link Topics#TYPE_HEADER}. */
  default String type() {
    return getClass().getSimpleName();
  }
}
