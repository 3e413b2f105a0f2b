package kz.forumpulse.registration.participant;

/**
 * What an organiser narrows a list or an export to; every part is optional. {@code q} matches a
 * part of the name, organisation or the phone's digits, case-insensitively.
 */
public record RegistrationFilter(
    String status, String district, String role, String session, String q) {}
