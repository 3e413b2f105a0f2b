package kz.forumpulse.events;

/** A record that can never become an event (not JSON, unknown type, missing fields). */
public class UndecodableEventException extends RuntimeException {

  public UndecodableEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
