package kz.forumpulse.registration;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import kz.forumpulse.support.security.EndpointRules;
import kz.forumpulse.support.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call what in registration-service; anything not listed is denied. Participants have no
 * account: {@code /api/me/**} is open at this layer and the access code in {@code
 * X-Participant-Code} is checked by the service itself. Rules are matched in order.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationSecurity {

  @Bean
  EndpointRules registrationRules() {
    return auth ->
        auth.requestMatchers(GET, "/api/forums", "/api/forums/{forumId}")
            .permitAll()
            .requestMatchers(POST, "/api/forums/{forumId}/registrations")
            .permitAll()
            .requestMatchers("/api/me", "/api/me/**")
            .permitAll()
            .requestMatchers(
                GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
            .permitAll()
            .requestMatchers(POST, "/api/forums")
            .hasRole(Roles.ORGANISER)
            .requestMatchers(PATCH, "/api/forums/{forumId}")
            .hasRole(Roles.ORGANISER)
            .requestMatchers(GET, "/api/forums/*/registrations", "/api/forums/*/registrations/**")
            .hasRole(Roles.ORGANISER)
            .requestMatchers(POST, "/api/forums/*/registrations/*/*")
            .hasRole(Roles.ORGANISER)
            .requestMatchers(DELETE, "/api/forums/*/registrations/*/personal-data")
            .hasRole(Roles.ORGANISER)
            .requestMatchers("/api/forums/*/check-ins", "/api/forums/*/check-ins/**")
            .hasRole(Roles.ORGANISER)
            .requestMatchers(GET, "/api/forums/*/exports/**")
            .hasRole(Roles.ORGANISER)
            .requestMatchers(POST, "/api/forums/*/seats/recount")
            .hasRole(Roles.ORGANISER);
  }
}
