package kz.forumpulse.registration.forum;

/** An administrative district of a forum's region, with its stable code. */
public record District(String code, String nameRu, String nameKk) {}
