package kz.forumpulse.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's explicit access rules. Every endpoint must be named by some rule: whatever no rule
 * names is denied.
 */
@FunctionalInterface
public interface EndpointRules {

  void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          registry);
}
