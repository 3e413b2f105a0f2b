package kz.forumpulse.feedback;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import kz.forumpulse.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call what in feedback-service; anything not listed is denied. Participants are not
 * accounts: question submission checks their access code itself.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackSecurity {

  @Bean
  EndpointRules feedbackRules() {
    return auth ->
        auth.requestMatchers(GET, "/api/forums/{forumId}/projects")
            .permitAll()
            .requestMatchers(POST, "/api/forums/{forumId}/questions")
            .permitAll();
  }
}
