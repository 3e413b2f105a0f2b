package kz.forumpulse.events;

/**
 * The one place where topic names and message keys are defined.
 *
 * <p>Every topic is keyed by forum id: all events of one forum land in one partition and keep their
 * order (the FAQ grouping downstream depends on it), while different forums spread over partitions
 * so several instances of a consumer can share the load.
 */
public final class Topics {

  /** Forum lifecycle: {@link ForumScheduled}. Producer: registration-service. */
  public static final String FORUMS = "forum-pulse.forums";

  /** Attendee lifecycle: {@link ParticipantRegistered}. Producer: registration-service. */
  public static final String ATTENDEES = "forum-pulse.attendees";

  /**
   * Question lifecycle: {@link QuestionEvent} (submitted, edited, approved, rejected, answered,
   * withdrawn, supported, support withdrawn). Producer: feedback-service.
   */
  public static final String QUESTIONS = "forum-pulse.questions";

  /** Project catalogues of forums: {@link CatalogueEvent}. Producer: feedback-service. */
  public static final String CATALOGUE = "forum-pulse.catalogue";

  /**
   * Moderators' curation of FAQ groups: {@link CurationEvent} (merge, move, representative text,
   * undo). Producer and consumer: reporting-service; replayed with the rest on a rebuild, so
   * curation survives it.
   */
  public static final String FAQ_CURATION = "forum-pulse.faq-curation";

  /** Kafka message header carrying the event type, so consumers can route without parsing. */
  public static final String TYPE_HEADER = "forum-event-type";

  private Topics() {}

  /** The message key of any event: its forum id. */
  public static String keyOf(DomainEvent event) {
    return event.forumId().value();
  }
}
