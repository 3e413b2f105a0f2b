package kz.forumpulse.web;

import static kz.forumpulse.web.CookieClient.setCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import kz.forumpulse.web.StubServices.Received;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff form login over real sockets against the stub services: the session and its cookie, the
 * credential the proxy adds from it, CSRF on everything a cookie authenticates, logout, and that
 * the credential never travels back to the browser. The rate limit is lifted here (all requests
 * come from one address); {@link LoginRateLimitTest} checks it.
 */
@SpringBootTest(
    classes = WebApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=web", "forum.web.login.attempts-per-minute=1000"})
class StaffLoginTest {

  private static final StubServices stubs = StubServices.INSTANCE;

  @DynamicPropertySource
  static void upstreams(DynamicPropertyRegistry registry) {
    registry.add("forum.web.registration-url", () -> StubServices.url(stubs.registration));
    registry.add("forum.web.feedback-url", () -> StubServices.url(stubs.feedback));
    registry.add("forum.web.reporting-url", () -> StubServices.url(stubs.reporting));
  }

  @LocalServerPort int port;

  private static String password(String user) {
    return StubServices.ACCOUNTS.get(user)[0];
  }

  private CookieClient loggedIn(String user) {
    CookieClient browser = new CookieClient(port);
    assertThat(browser.login(user, password(user)).statusCode()).isEqualTo(200);
    return browser;
  }

  private static String authorizationAt(String path) {
    List<Received> received = stubs.receivedAt(path);
    assertThat(received).hasSize(1);
    return received.get(0).authorization();
  }

  @Test
  void loginCreatesAnHttpOnlySessionAndTheProxyAddsTheCredential() {
    CookieClient browser = new CookieClient(port);
    HttpResponse<String> page = browser.get("/login.html");
    assertThat(setCookie(page, "XSRF-TOKEN"))
        .as("the pages' script must be able to read the token")
        .isNotNull()
        .doesNotContainIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
    assertThat(setCookie(page, "JSESSIONID")).as("a visitor gets no session").isNull();

    HttpResponse<String> login = browser.login("organiser", password("organiser"));
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("\"user\":\"organiser\"").contains("\"role\":\"ORGANISER\"");
    assertThat(setCookie(login, "JSESSIONID"))
        .isNotNull()
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .as("plain http here; Tomcat adds Secure only over https")
        .doesNotContainIgnoringCase("Secure");
    assertThat(browser.get("/session").body())
        .contains("\"authenticated\":true")
        .contains("\"user\":\"organiser\"");

    String path = "/api/forums/s1/reports/opaque/attendance";
    assertThat(browser.get(path).statusCode()).isEqualTo(200);
    assertThat(authorizationAt(path))
        .isEqualTo(StubServices.basic("organiser", password("organiser")));
  }

  @Test
  void theRoleComesFromWhatTheServicesAllow() {
    for (String[] expected : new String[][] {{"moderator", "MODERATOR"}, {"analyst", "ANALYST"}}) {
      HttpResponse<String> login = new CookieClient(port).login(expected[0], password(expected[0]));
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.body()).contains("\"role\":\"" + expected[1] + "\"");
    }
    CookieClient nobody = new CookieClient(port);
    HttpResponse<String> refused = nobody.login("nobody", password("nobody"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"code\":\"noStaffRole\"");
    assertThat(setCookie(refused, "JSESSIONID")).isNull();
  }

  @Test
  void wrongPasswordGivesAProblemAndNoSession() {
    CookieClient browser = new CookieClient(port);
    HttpResponse<String> login = browser.login("organiser", "wrong-guess-1");
    assertThat(login.statusCode()).isEqualTo(401);
    assertThat(login.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(login.body()).contains("\"status\":401").contains("\"code\":\"loginFailed\"");
    assertThat(login.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(setCookie(login, "JSESSIONID")).isNull();
    assertThat(browser.get("/session").body()).contains("\"authenticated\":false");
    // A wrong password stops at the first service: a guess costs one password check there.
    String guess = StubServices.basic("organiser", "wrong-guess-1");
    assertThat(stubs.received.stream().filter(r -> guess.equals(r.authorization()))).hasSize(1);
  }

  @Test
  void loginWithoutTheCsrfTokenIsRefusedBeforeAnyCheck() {
    CookieClient browser = new CookieClient(port);
    HttpResponse<String> login = browser.login("organiser", "no-token-guess", false);
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(login.body()).contains("\"code\":\"csrf\"");
    String guess = StubServices.basic("organiser", "no-token-guess");
    assertThat(stubs.received.stream().filter(r -> guess.equals(r.authorization()))).isEmpty();
  }

  @Test
  void aSessionCookieAloneChangesNothing() {
    CookieClient browser = loggedIn("organiser");
    String path = "/api/forums/c1/registrations/r1/approve";

    HttpResponse<String> missing = browser.post(path, "{}", false);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(missing.body()).contains("\"status\":403").contains("\"code\":\"csrf\"");
    assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> forged = browser.post(path, "{}", false, "X-XSRF-TOKEN", "forged");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(stubs.receivedAt(path)).as("nothing was forwarded").isEmpty();

    HttpResponse<String> sent = browser.post(path, "{}", true);
    assertThat(sent.statusCode()).isEqualTo(201);
    assertThat(authorizationAt(path))
        .isEqualTo(StubServices.basic("organiser", password("organiser")));
  }

  @Test
  void participantPostsCarryTheTokenToo() {
    CookieClient participant = new CookieClient(port);
    participant.get("/register.html");
    String path = "/api/forums/p1/registrations";
    assertThat(participant.post(path, "{}", false).statusCode()).isEqualTo(403);
    assertThat(stubs.receivedAt(path)).isEmpty();
    assertThat(participant.post(path, "{}", true).statusCode()).isEqualTo(201);
    assertThat(authorizationAt(path)).isNull();
  }

  @Test
  void apiClientsWithTheirOwnCredentialNeedNoToken() {
    String own = StubServices.basic("moderator", password("moderator"));
    String direct = "/api/forums/a1/moderation/questions/q1/approve";
    HttpResponse<String> answer =
        new CookieClient(port).post(direct, "{}", false, "Authorization", own);
    assertThat(answer.statusCode()).isEqualTo(201);
    assertThat(authorizationAt(direct)).isEqualTo(own);

    // Logged in as organiser, an explicit credential still goes as it is, not the session's.
    CookieClient browser = loggedIn("organiser");
    String explicit = "/api/forums/a2/moderation/questions/q1/approve";
    assertThat(browser.post(explicit, "{}", false, "Authorization", own).statusCode())
        .isEqualTo(201);
    assertThat(authorizationAt(explicit)).isEqualTo(own);

    // A header that is no credential (a page sending "undefined") neither skips the token check
    // nor hides the session's credential.
    String notACredential = "/api/forums/a3/moderation/questions/q1/approve";
    assertThat(browser.post(notACredential, "{}", false, "Authorization", "undefined").statusCode())
        .isEqualTo(403);
    assertThat(stubs.receivedAt(notACredential)).isEmpty();
    String live = "/api/forums/a3/reports/opaque/live-ish";
    assertThat(browser.get(live, "Authorization", "undefined").statusCode()).isEqualTo(200);
    assertThat(authorizationAt(live))
        .isEqualTo(StubServices.basic("organiser", password("organiser")));
  }

  @Test
  void logoutNeedsTheTokenAndEndsTheSession() {
    CookieClient browser = loggedIn("organiser");
    String session = browser.cookies.get("JSESSIONID");

    assertThat(browser.logout(false).statusCode()).isEqualTo(403);
    // No generated login or logout page that a GET could trigger.
    assertThat(browser.get("/logout").statusCode()).isEqualTo(404);
    assertThat(browser.get("/login").statusCode()).isEqualTo(404);
    assertThat(browser.get("/session").body()).contains("\"authenticated\":true");

    HttpResponse<String> out = browser.logout(true);
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(browser.get("/session").body()).contains("\"authenticated\":false");

    // The old session id, sent again, opens nothing: the proxy adds no credential.
    CookieClient replay = new CookieClient(port);
    replay.cookies.put("JSESSIONID", session);
    assertThat(replay.get("/session").body()).contains("\"authenticated\":false");
    String path = "/api/forums/l1/reports/opaque/attendance";
    replay.get(path);
    assertThat(authorizationAt(path)).isNull();
  }

  @Test
  void logingInAgainGivesANewSessionId() {
    CookieClient browser = loggedIn("organiser");
    String first = browser.cookies.get("JSESSIONID");
    assertThat(browser.login("moderator", password("moderator")).statusCode()).isEqualTo(200);
    String second = browser.cookies.get("JSESSIONID");
    assertThat(second).isNotNull().isNotEqualTo(first);
    CookieClient replay = new CookieClient(port);
    replay.cookies.put("JSESSIONID", first);
    assertThat(replay.get("/session").body()).contains("\"authenticated\":false");
    assertThat(browser.get("/session").body()).contains("\"role\":\"MODERATOR\"");
  }

  @Test
  void theCredentialNeverReachesTheBrowser() {
    String password = password("organiser");
    String credential = StubServices.basic("organiser", password);
    String encoded = credential.substring("Basic ".length());
    CookieClient browser = new CookieClient(port);
    browser.get("/login.html");
    browser.login("organiser", password);
    browser.get("/session");
    browser.get("/dashboard.html");
    browser.get("/js/common.js");
    browser.get("/api/forums/k1/reports/opaque/attendance");
    browser.post("/api/forums/k1/registrations/opaque/r1/approve", "{}", true);
    browser.post("/api/forums/k1/registrations/opaque/r2/approve", "{}", false);
    browser.get("/api/forums/k1/nothing-here");
    browser.logout(true);

    // The login request itself is the only one that carried the password; no answer does.
    assertThat(browser.responses).hasSizeGreaterThan(9);
    for (HttpResponse<String> response : browser.responses) {
      String everything = response.headers().map().toString() + "\n" + response.body();
      assertThat(everything)
          .as(response.request().method() + " " + response.uri())
          .doesNotContain(password)
          .doesNotContain(encoded)
          .doesNotContain(new String(Base64.getDecoder().decode(encoded)));
    }
    assertThat(browser.cookies.values())
        .noneMatch(v -> v.contains(encoded) || v.contains(password));
  }

  @Test
  void servicesOutOfReachMakeTheLoginUnavailableNotWrong() throws Exception {
    var closed = new java.net.ServerSocket(0);
    int deadPort = closed.getLocalPort();
    closed.close();
    URI dead = URI.create("http://127.0.0.1:" + deadPort);
    UpstreamStaffCheck check =
        new UpstreamStaffCheck(new WebProperties(dead, dead, dead, null, null, null));
    AuthenticationServiceException e =
        (AuthenticationServiceException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    check.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(
                            "organiser", "any-password")));
    assertThat(e).isNotNull();
    MockHttpServletResponse response = new MockHttpServletResponse();
    new WebSecurity.ProblemAnswers()
        .onAuthenticationFailure(new MockHttpServletRequest("POST", "/login"), response, e);
    assertThat(response.getStatus()).isEqualTo(502);
    assertThat(response.getContentAsString()).contains("\"code\":\"loginUnavailable\"");
    assertThatThrownBy(
            () ->
                check.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("a:b", "pw")))
        .hasMessageContaining("Wrong account or password");
  }
}
