package kz.forumpulse.reporting.curation;

/**
 * One effective curation action, in the order moderators took them. {@code kind} is MERGE (source
 * group into target group), MOVE (question into target group, or its own group when target is null)
 * or TEXT (representative text of a group in a language).
 */
public record CurationAction(
    String eventId,
    String kind,
    String project,
    String sourceGroupId,
    String targetGroupId,
    String questionId,
    String language,
    String text,
    String moderator,
    java.time.Instant at) {}
