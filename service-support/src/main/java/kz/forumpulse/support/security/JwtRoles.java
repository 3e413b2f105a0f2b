package kz.forumpulse.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps the identity provider's role claim to this product's staff roles. The claim may be a list or
 * a space-separated string; names are matched case-insensitively; unknown roles grant nothing, so a
 * token from the same provider for another application cannot open anything here. A dotted claim
 * name is a path into nested claims: Keycloak keeps realm roles in {@code realm_access.roles}.
 */
public final class JwtRoles {

  private static final Set<String> KNOWN = Set.of(Roles.ORGANISER, Roles.MODERATOR, Roles.ANALYST);

  private JwtRoles() {}

  public static Converter<Jwt, AbstractAuthenticationToken> converter(String claim) {
    return jwt -> new JwtAuthenticationToken(jwt, authorities(claim(jwt, claim)), name(jwt));
  }

  /** The claim, or the value at a dotted path into nested claims when no claim has that name. */
  static Object claim(Jwt jwt, String name) {
    Object direct = jwt.getClaims().get(name);
    if (direct != null || !name.contains(".")) {
      return direct;
    }
    Object node = jwt.getClaims();
    for (String part : name.split("\\.")) {
      if (!(node instanceof java.util.Map<?, ?> map)) {
        return null;
      }
      node = map.get(part);
    }
    return node;
  }

  static Collection<GrantedAuthority> authorities(Object claim) {
    List<String> values = new ArrayList<>();
    if (claim instanceof Collection<?> list) {
      list.forEach(v -> values.add(String.valueOf(v)));
    } else if (claim instanceof String text) {
      values.addAll(List.of(text.trim().split("\\s+")));
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String value : values) {
      String role = value.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
      if (KNOWN.contains(role)) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
      }
    }
    return authorities;
  }

  private static String name(Jwt jwt) {
    String preferred = jwt.getClaimAsString("preferred_username");
    return preferred != null ? preferred : jwt.getSubject();
  }
}
