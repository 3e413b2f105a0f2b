package kz.forumpulse.feedback;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import kz.forumpulse.support.security.EndpointRules;
import kz.forumpulse.support.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call what in feedback-service; anything not listed is denied. Participants are not
 * accounts: endpoints marked "participant" check the access code in {@code X-Participant-Code}
 * themselves, so they are open at this level.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackSecurity {

  @Bean
  EndpointRules feedbackRules() {
    return auth ->
        auth
            // public
            .requestMatchers(GET, "/api/forums/{forumId}/projects")
            .permitAll()
            .requestMatchers(GET, "/api/forums/{forumId}/questions")
            .permitAll()
            // participant (access code)
            .requestMatchers(POST, "/api/forums/{forumId}/questions")
            .permitAll()
            .requestMatchers(GET, "/api/forums/{forumId}/my/questions")
            .permitAll()
            .requestMatchers(DELETE, "/api/forums/{forumId}/my/questions/{questionId}")
            .permitAll()
            .requestMatchers(POST, "/api/forums/{forumId}/questions/{questionId}/support")
            .permitAll()
            .requestMatchers(DELETE, "/api/forums/{forumId}/questions/{questionId}/support")
            .permitAll()
            // organisers: the catalogue
            .requestMatchers(POST, "/api/forums/{forumId}/projects")
            .hasRole(Roles.ORGANISER)
            .requestMatchers(PUT, "/api/forums/{forumId}/projects/{code}")
            .hasRole(Roles.ORGANISER)
            .requestMatchers(DELETE, "/api/forums/{forumId}/projects/{code}")
            .hasRole(Roles.ORGANISER)
            // moderators and organisers: settings, queue, actions
            .requestMatchers(GET, "/api/forums/{forumId}/moderation/settings")
            .hasAnyRole(Roles.MODERATOR, Roles.ORGANISER)
            .requestMatchers(PUT, "/api/forums/{forumId}/moderation/settings")
            .hasAnyRole(Roles.MODERATOR, Roles.ORGANISER)
            .requestMatchers(GET, "/api/forums/{forumId}/moderation/questions")
            .hasAnyRole(Roles.MODERATOR, Roles.ORGANISER)
            .requestMatchers(POST, "/api/forums/{forumId}/moderation/questions/{questionId}/*")
            .hasAnyRole(Roles.MODERATOR, Roles.ORGANISER);
  }
}
