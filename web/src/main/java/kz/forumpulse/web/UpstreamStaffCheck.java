package kz.forumpulse.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks a login against the services, which own the staff accounts: the name and password go as
 * HTTP Basic to one staff-only read per role, most powerful first. 401 means a wrong name or
 * password (and stops at once, so a guess costs the services one password check); 403 means right
 * password, not this role; any other answer (a 404 for the made-up forum) means the role is
 * granted. The services have no "who am I" endpoint, hence one probe per role.
 *
 * <p>Not a bean: Spring Security would also make a bean the global fallback provider and ask the
 * services twice after every wrong password.
 */
class UpstreamStaffCheck implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(UpstreamStaffCheck.class);

  /** A forum id no forum has; the probes only need the services' authorization decision. */
  static final String PROBE_FORUM = "login-probe";

  record Probe(String role, Upstream upstream, String path) {}

  static final List<Probe> PROBES =
      List.of(
          new Probe(
              "ORGANISER",
              Upstream.REGISTRATION,
              "/api/forums/" + PROBE_FORUM + "/registrations/summary"),
          new Probe(
              "MODERATOR",
              Upstream.FEEDBACK,
              "/api/forums/" + PROBE_FORUM + "/moderation/settings"),
          new Probe(
              "ANALYST", Upstream.REPORTING, "/api/forums/" + PROBE_FORUM + "/reports/attendance"));

  private static final int MAX_LENGTH = 200;

  private final WebProperties properties;
  private final HttpClient http;

  UpstreamStaffCheck(WebProperties properties) {
    this.properties = properties;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  @Override
  public Authentication authenticate(Authentication login) throws AuthenticationException {
    String user = login.getName() == null ? "" : login.getName().trim();
    String password = login.getCredentials() == null ? "" : login.getCredentials().toString();
    // Basic cannot carry a ':' in the name; blanks and oversized values are not worth a request.
    if (user.isEmpty()
        || password.isEmpty()
        || user.length() > MAX_LENGTH
        || password.length() > MAX_LENGTH
        || user.contains(":")
        || hasControl(user)) {
      throw new BadCredentialsException("Wrong account or password");
    }
    String authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    for (Probe probe : PROBES) {
      int status = status(probe, authorization);
      if (status == 401) {
        throw new BadCredentialsException("Wrong account or password");
      }
      if (status == 403) {
        continue;
      }
      if (status >= 500) {
        throw new AuthenticationServiceException(probe.upstream() + " answered " + status);
      }
      return new StaffAuthentication(user, probe.role(), authorization);
    }
    throw new NoStaffRoleException();
  }

  private int status(Probe probe, String authorization) {
    String base = properties.baseOf(probe.upstream()).toString().replaceFirst("/$", "");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + probe.path()))
            .timeout(properties.responseTimeout())
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      log.warn("Login check at {} failed: {}", probe.upstream(), e.toString());
      throw new AuthenticationServiceException(probe.upstream() + " is not reachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthenticationServiceException("Interrupted", e);
    }
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  /** The password is right but the account has none of the staff roles. */
  static final class NoStaffRoleException extends AuthenticationException {
    NoStaffRoleException() {
      super("The account has no staff role");
    }
  }
}
