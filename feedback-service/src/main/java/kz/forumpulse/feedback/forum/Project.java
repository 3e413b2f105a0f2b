package kz.forumpulse.feedback.forum;

/** A project of the organiser that questions can be about. */
public record Project(String code, String nameRu, String nameKk, boolean active) {}
