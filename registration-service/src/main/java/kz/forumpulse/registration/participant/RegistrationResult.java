package kz.forumpulse.registration.participant;

/**
 * The answer to a successful registration. The access code is shown this once: the service keeps
 * only its hash (and, for an Idempotency-Key, the code itself for 24 hours so a retry gets the same
 * answer). {@code waitlistPosition} is set when the status is WAITLISTED.
 */
record RegistrationResult(
    String id, String forumId, String status, String accessCode, Integer waitlistPosition) {}
