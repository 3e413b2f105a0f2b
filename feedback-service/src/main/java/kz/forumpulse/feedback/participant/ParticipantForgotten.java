package kz.forumpulse.feedback.participant;

/**
 * Published in-process when a participant's personal data was erased, so features that copied their
 * name (questions asked by name) drop it too.
 */
public record ParticipantForgotten(String forumId, String participantId) {}
