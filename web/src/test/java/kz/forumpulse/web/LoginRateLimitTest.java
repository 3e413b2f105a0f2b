package kz.forumpulse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import kz.forumpulse.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Login attempts per client address, with the shipped limit (10 a minute). */
@SpringBootTest(classes = WebApplication.class, properties = "spring.config.name=web")
@AutoConfigureMockMvc
class LoginRateLimitTest {

  private static final StubServices stubs = StubServices.INSTANCE;

  @DynamicPropertySource
  static void upstreams(DynamicPropertyRegistry registry) {
    registry.add("forum.web.registration-url", () -> StubServices.url(stubs.registration));
    registry.add("forum.web.feedback-url", () -> StubServices.url(stubs.feedback));
    registry.add("forum.web.reporting-url", () -> StubServices.url(stubs.reporting));
  }

  @Autowired MockMvc mvc;

  private static MockHttpServletRequestBuilder attempt(String address, String password) {
    return post("/login")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .param("username", "organiser")
        .param("password", password)
        .cookie(new Cookie("XSRF-TOKEN", "rate-limit-token"))
        .header("X-XSRF-TOKEN", "rate-limit-token")
        .with(
            request -> {
              request.setRemoteAddr(address);
              return request;
            });
  }

  @Test
  void theEleventhAttemptInAMinuteGets429WithRetryAfter() throws Exception {
    for (int i = 0; i < 10; i++) {
      mvc.perform(attempt("192.0.2.10", "rate-limit-guess")).andExpect(status().isUnauthorized());
    }
    mvc.perform(attempt("192.0.2.10", "rate-limit-guess"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(jsonPath("$.code").value("tooManyLoginAttempts"));
    // Refused before the services were asked, even with the right password.
    mvc.perform(attempt("192.0.2.10", StubServices.ACCOUNTS.get("organiser")[0]))
        .andExpect(status().isTooManyRequests());
    String guess = StubServices.basic("organiser", "rate-limit-guess");
    assertThat(stubs.received.stream().filter(r -> guess.equals(r.authorization()))).hasSize(10);
    // Another address is not held back by this one.
    mvc.perform(attempt("192.0.2.11", StubServices.ACCOUNTS.get("organiser")[0]))
        .andExpect(status().isOk());
  }

  @Test
  void theWindowOpensAgainAfterAMinute() throws Exception {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_000_000));
    LoginRateLimiter limiter = new LoginRateLimiter(2, clock);
    assertThat(run(limiter)).isEqualTo(200);
    assertThat(run(limiter)).isEqualTo(200);
    clock.advance(Duration.ofSeconds(45));
    MockHttpServletResponse refused = new MockHttpServletResponse();
    limiter.doFilter(loginRequest(), refused, new MockFilterChain());
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("15");
    clock.advance(Duration.ofSeconds(15));
    assertThat(run(limiter)).isEqualTo(200);
  }

  private static int run(LoginRateLimiter limiter) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    limiter.doFilter(loginRequest(), response, new MockFilterChain());
    return response.getStatus();
  }

  private static MockHttpServletRequest loginRequest() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
    request.setRemoteAddr("198.51.100.7");
    return request;
  }
}
