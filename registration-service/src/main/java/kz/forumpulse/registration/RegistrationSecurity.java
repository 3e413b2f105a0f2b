package kz.forumpulse.registration;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import kz.forumpulse.support.security.EndpointRules;
import kz.forumpulse.support.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call what in registration-service; anything not listed is denied. */
@Configuration(proxyBeanMethods = false)
class RegistrationSecurity {

  @Bean
  EndpointRules registrationRules() {
    return auth ->
        auth.requestMatchers(GET, "/api/forums", "/api/forums/{forumId}")
            .permitAll()
            .requestMatchers(POST, "/api/forums/{forumId}/registrations")
            .permitAll()
            .requestMatchers(POST, "/api/forums")
            .hasRole(Roles.ORGANISER);
  }
}
