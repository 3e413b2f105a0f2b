package kz.forumpulse.reporting;

import static org.springframework.http.HttpMethod.GET;

import kz.forumpulse.support.security.EndpointRules;
import kz.forumpulse.support.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reports are for staff only; anything not listed is denied. */
@Configuration(proxyBeanMethods = false)
class ReportingSecurity {

  @Bean
  EndpointRules reportingRules() {
    return auth ->
        auth.requestMatchers(GET, "/api/forums/{forumId}/questions/similar")
            .permitAll()
            .requestMatchers(GET, "/api/forums/{forumId}/reports/**")
            .hasAnyRole(Roles.ORGANISER, Roles.ANALYST, Roles.MODERATOR)
            .requestMatchers("/api/forums/{forumId}/faq/**")
            .hasAnyRole(Roles.ORGANISER, Roles.MODERATOR)
            .requestMatchers("/api/reports/rebuild")
            .hasRole(Roles.ORGANISER);
  }
}
