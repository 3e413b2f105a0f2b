package kz.forumpulse.support.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Deny by default: health probes and the error page are open, each service adds its {@link
 * EndpointRules}, everything else is refused. The API is stateless HTTP Basic, so no session and no
 * CSRF token applies to it.
 */
@AutoConfiguration
@EnableConfigurationProperties(ForumSecurityProperties.class)
public class ForumSecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ForumSecurityConfiguration.class);

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      ObjectProvider<EndpointRules> rules,
      MessageSource messages,
      ObjectProvider<JwtDecoder> jwtDecoder,
      @Value("${forum.security.jwt-roles-claim:roles}") String rolesClaim)
      throws Exception {
    ProblemSecurityHandlers problems = new ProblemSecurityHandlers(messages);
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    if (decoder != null) {
      // Production: bearer tokens from the identity provider configured by
      // SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI; roles from a configurable claim.
      http.oauth2ResourceServer(
          oauth ->
              oauth
                  .authenticationEntryPoint(problems)
                  .jwt(
                      jwt ->
                          jwt.decoder(decoder)
                              .jwtAuthenticationConverter(JwtRoles.converter(rolesClaim))));
    }
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .authorizeHttpRequests(
            auth -> {
              auth.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
              // Metrics for the scraper: staff credentials (Prometheus supports basic_auth).
              auth.requestMatchers("/actuator/prometheus")
                  .hasAnyRole(Roles.ORGANISER, Roles.ANALYST);
              rules.orderedStream().forEach(rule -> rule.apply(auth));
              auth.anyRequest().denyAll();
            });
    return http.build();
  }

  /**
   * No Spring Security observations, and so no decorator around its filters. With an observation
   * registry present, Spring Security wraps each of its filters in an observation on every request;
   * switching the observations off by name ({@code management.observations.enable}) left the
   * wrappers in place, still ~3 % of the write path's CPU (JFR, docs/benchmark.md). Each request is
   * still observed as a whole ({@code http.server.requests}, with its 401 and 403 outcomes).
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new RememberingPasswordEncoder(
        PasswordEncoderFactories.createDelegatingPasswordEncoder());
  }

  @Bean
  UserDetailsService staffAccounts(ForumSecurityProperties properties, PasswordEncoder encoder) {
    return new InMemoryUserDetailsManager(
        account("organiser", properties.organiserPassword(), encoder, Roles.ORGANISER),
        account("moderator", properties.moderatorPassword(), encoder, Roles.MODERATOR),
        account("analyst", properties.analystPassword(), encoder, Roles.ANALYST));
  }

  private static org.springframework.security.core.userdetails.UserDetails account(
      String name, String password, PasswordEncoder encoder, String role) {
    String effective = password;
    if (effective == null || effective.isBlank()) {
      effective = generatePassword();
      log.warn("No password set for '{}'; generated one for this run: {}", name, effective);
    }
    return User.withUsername(name).password(encoder.encode(effective)).roles(role).build();
  }

  static String generatePassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
