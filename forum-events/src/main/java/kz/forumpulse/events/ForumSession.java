package kz.forumpulse.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A part of a forum a participant can choose (plenary session, seminar-training), with its own
 * capacity; {@code capacity} null means limited only by the forum's capacity.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForumSession(String code, String titleRu, String titleKk, Integer capacity) {}
