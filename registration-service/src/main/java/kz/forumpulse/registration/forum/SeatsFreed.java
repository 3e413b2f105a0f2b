package kz.forumpulse.registration.forum;

/**
 * In-process notice that a forum may have seats for its waiting line (capacity raised). The
 * participant feature promotes; the forum feature does not know about registrations.
 */
public record SeatsFreed(String forumId) {}
