package kz.forumpulse.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff login settings.
 *
 * @param attemptsPerMinute login requests one client address may make per minute; more get 429
 */
@ConfigurationProperties("forum.web.login")
public record LoginProperties(Integer attemptsPerMinute) {

  public LoginProperties {
    attemptsPerMinute = attemptsPerMinute == null ? 10 : attemptsPerMinute;
  }
}
