package kz.forumpulse.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtRolesTest {

  @Test
  void mapsKnownRolesFromAListOrAStringAndIgnoresOthers() {
    assertThat(names(JwtRoles.authorities(List.of("organiser", "ROLE_ANALYST", "admin"))))
        .containsExactly("ROLE_ORGANISER", "ROLE_ANALYST");
    assertThat(names(JwtRoles.authorities("moderator superuser")))
        .containsExactly("ROLE_MODERATOR");
    assertThat(JwtRoles.authorities(null)).isEmpty();
  }

  @Test
  void namesTheCallerByTheirPreferredUsername() {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("a1b2")
            .claim("preferred_username", "aigul.s")
            .claim("forum_roles", List.of("ANALYST"))
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .build();

    var token = JwtRoles.converter("forum_roles").convert(jwt);

    assertThat(token.getName()).isEqualTo("aigul.s");
    assertThat(names(token.getAuthorities())).containsExactly("ROLE_ANALYST");
  }

  @Test
  void readsRolesFromANestedClaimSuchAsKeycloaksRealmAccess() {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("k1")
            .claim(
                "realm_access", java.util.Map.of("roles", List.of("moderator", "offline_access")))
            .claim("roles", List.of("organiser"))
            .build();

    assertThat(names(JwtRoles.converter("realm_access.roles").convert(jwt).getAuthorities()))
        .containsExactly("ROLE_MODERATOR");
    assertThat(names(JwtRoles.converter("realm_access.missing").convert(jwt).getAuthorities()))
        .isEmpty();
    assertThat(names(JwtRoles.converter("roles").convert(jwt).getAuthorities()))
        .containsExactly("ROLE_ORGANISER");
  }

  private static List<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream().map(GrantedAuthority::getAuthority).toList();
  }
}
