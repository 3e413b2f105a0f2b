package kz.forumpulse.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One table says who may call each endpoint of a service; this checks the running service against
 * it. Every endpoint the service maps must have a row — a new endpoint without a rule fails the
 * build — and every row is called as each kind of caller: anonymous, organiser, moderator, analyst.
 *
 * <p>An allowed caller must get past security (anything but 401/403: with placeholder ids and an
 * empty body the service itself answers 400 or 404). A refused caller must get exactly 401 when
 * anonymous and 403 when logged in with another role. Participant endpoints are open at the
 * security layer; the access code is checked by the service (and tested there).
 */
public final class AuthorizationMatrix {

  /** Who may call an endpoint. */
  public enum Access {
    PUBLIC,
    PARTICIPANT,
    ORGANISER,
    STAFF_MODERATION,
    STAFF_REPORTS
  }

  /** A staff account of the test context. */
  public record Account(String user, String password, String role) {}

  /** One row of the table. {@code probeAllowed} false: only refusals are called (side effects). */
  public record Rule(HttpMethod method, String path, Access access, boolean probeAllowed) {}

  private final Map<String, Rule> rules = new LinkedHashMap<>();

  public AuthorizationMatrix allow(HttpMethod method, String path, Access access) {
    rules.put(method + " " + path, new Rule(method, path, access, true));
    return this;
  }

  /** A row whose allowed call would change something shared; only refusals are checked. */
  public AuthorizationMatrix allowWithoutProbe(HttpMethod method, String path, Access access) {
    rules.put(method + " " + path, new Rule(method, path, access, false));
    return this;
  }

  public int size() {
    return rules.size();
  }

  /** Endpoints the service maps (under /api) that have no row in the table. */
  public Set<String> unruled(RequestMappingHandlerMapping mapping) {
    Set<String> missing = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        var methods = info.getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
          missing.add("ANY " + pattern + " (map it to explicit methods)");
        }
        for (var method : methods) {
          if (!rules.containsKey(method.name() + " " + pattern)) {
            missing.add(method.name() + " " + pattern);
          }
        }
      }
    }
    return missing;
  }

  /** Calls every row as every caller; returns the violations (empty when all is as intended). */
  public List<String> violations(MockMvc mvc, List<Account> accounts) throws Exception {
    List<String> violations = new ArrayList<>();
    for (Rule rule : rules.values()) {
      MockHttpServletResponse anonymousResponse = call(mvc, rule, null);
      int anonymous = anonymousResponse.getStatus();
      boolean open = rule.access() == Access.PUBLIC || rule.access() == Access.PARTICIPANT;
      if (open) {
        // A participant endpoint may refuse a missing code itself (401/403 from the service);
        // what must not happen is the security layer asking for a staff login, or a 5xx.
        boolean askedForLogin = anonymousResponse.getHeader("WWW-Authenticate") != null;
        boolean refused =
            rule.access() == Access.PUBLIC ? anonymous == 401 || anonymous == 403 : askedForLogin;
        if (refused || anonymous >= 500) {
          violations.add(rule + " anonymous got " + anonymous);
        }
      } else if (anonymous != 401) {
        violations.add(rule + " anonymous expected 401, got " + anonymous);
      }
      for (Account account : accounts) {
        boolean allowed = open || allows(rule.access(), account.role());
        if (allowed && !rule.probeAllowed()) {
          continue;
        }
        int status = call(mvc, rule, account).getStatus();
        if (status >= 500) {
          violations.add(rule + " " + account.user() + " got " + status);
        } else if (rule.access() == Access.PARTICIPANT) {
          continue;
        } else if (allowed && (status == 401 || status == 403)) {
          violations.add(rule + " " + account.user() + " should pass security, got " + status);
        } else if (!allowed && status != 403) {
          violations.add(rule + " " + account.user() + " expected 403, got " + status);
        }
      }
    }
    return violations;
  }

  private static boolean allows(Access access, String role) {
    return switch (access) {
      case PUBLIC, PARTICIPANT -> true;
      case ORGANISER -> role.equals("ORGANISER");
      case STAFF_MODERATION -> role.equals("ORGANISER") || role.equals("MODERATOR");
      case STAFF_REPORTS ->
          role.equals("ORGANISER") || role.equals("MODERATOR") || role.equals("ANALYST");
    };
  }

  private static MockHttpServletResponse call(MockMvc mvc, Rule rule, Account account)
      throws Exception {
    String path = rule.path().replaceAll("\\{[^}]+}", "matrix-" + "x");
    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(rule.method(), path);
    if (rule.method() == HttpMethod.POST
        || rule.method() == HttpMethod.PUT
        || rule.method() == HttpMethod.PATCH) {
      request.contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    if (account != null) {
      request.with(httpBasic(account.user(), account.password()));
    }
    return mvc.perform(request).andReturn().getResponse();
  }
}
