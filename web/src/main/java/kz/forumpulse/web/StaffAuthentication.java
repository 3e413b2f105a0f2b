package kz.forumpulse.web;

import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A staff member logged in through the login form. It lives in the HTTP session (server side) and
 * carries the {@code Authorization} value the services accept, so the browser never holds the
 * password after the login request. The value is kept out of {@link #getCredentials()} and {@link
 * #toString()}, which generic code may log or erase.
 */
final class StaffAuthentication extends AbstractAuthenticationToken {

  @Serial private static final long serialVersionUID = 1L;

  private final String user;
  private final String role;
  private final String upstreamAuthorization;

  StaffAuthentication(String user, String role, String upstreamAuthorization) {
    super(List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    this.user = user;
    this.role = role;
    this.upstreamAuthorization = upstreamAuthorization;
    setAuthenticated(true);
  }

  String role() {
    return role;
  }

  String upstreamAuthorization() {
    return upstreamAuthorization;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return user;
  }

  @Override
  public String getName() {
    return user;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StaffAuthentication that
        && user.equals(that.user)
        && role.equals(that.role)
        && upstreamAuthorization.equals(that.upstreamAuthorization);
  }

  @Override
  public int hashCode() {
    return user.hashCode() * 31 + role.hashCode();
  }

  @Override
  public String toString() {
    return "StaffAuthentication[user=" + user + ", role=" + role + "]";
  }
}
