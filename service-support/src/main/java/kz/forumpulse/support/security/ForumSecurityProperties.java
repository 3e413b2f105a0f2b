package kz.forumpulse.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Built-in staff accounts of the local stack. Passwords come from the environment; a blank one is
 * generated at start and printed once, so no password ever sits in the repository.
 */
@ConfigurationProperties("forum.security")
public record ForumSecurityProperties(
    String organiserPassword, String moderatorPassword, String analystPassword) {}
