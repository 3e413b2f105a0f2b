package kz.forumpulse.registration.participant;

/**
 * The answer to a successful registration. The access code is shown this once: the service keeps
 * only its hash.
 */
record RegistrationResult(String id, String forumId, String status, String accessCode) {}
