package kz.forumpulse.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

  private final RateLimitFilter filter =
      new RateLimitFilter(
          new RateLimitProperties(
              List.of(
                  new RateLimitProperties.Rule(
                      "POST", "/api/forums/*/registrations", 3, Duration.ofMinutes(1))),
              false),
          Clock.fixed(Instant.parse("2026-12-10T09:00:00Z"), ZoneOffset.UTC));

  private MockHttpServletResponse call(String method, String path, String client) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRequestURI(path);
    request.setRemoteAddr(client);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void refusesTheFourthRegistrationOfAClientInAMinuteWithRetryAfter() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call("POST", "/api/forums/f1/registrations", "10.0.0.1").getStatus())
          .isEqualTo(200);
    }
    MockHttpServletResponse refused = call("POST", "/api/forums/f1/registrations", "10.0.0.1");

    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString()).contains("\"status\":429");
  }

  @Test
  void leavesThisMachineAloneWhenToldTo() throws Exception {
    RateLimitFilter lenient =
        new RateLimitFilter(
            new RateLimitProperties(
                List.of(new RateLimitProperties.Rule(null, "/api/me", 1, Duration.ofMinutes(1))),
                true),
            Clock.systemUTC());
    for (int i = 0; i < 5; i++) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
      request.setRemoteAddr("127.0.0.1");
      MockHttpServletResponse response = new MockHttpServletResponse();
      lenient.doFilter(request, response, new MockFilterChain());
      assertThat(response.getStatus()).isEqualTo(200);
    }
    MockHttpServletRequest remote = new MockHttpServletRequest("GET", "/api/me");
    remote.setRemoteAddr("10.1.1.1");
    lenient.doFilter(remote, new MockHttpServletResponse(), new MockFilterChain());
    MockHttpServletResponse second = new MockHttpServletResponse();
    lenient.doFilter(remote, second, new MockFilterChain());
    assertThat(second.getStatus()).isEqualTo(429);
  }

  @Test
  void countsEachClientAndEndpointSeparately() throws Exception {
    for (int i = 0; i < 3; i++) {
      call("POST", "/api/forums/f1/registrations", "10.0.0.2");
    }
    assertThat(call("POST", "/api/forums/f1/registrations", "10.0.0.3").getStatus()).isEqualTo(200);
    assertThat(call("GET", "/api/forums/f1/registrations", "10.0.0.2").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/forums", "10.0.0.2").getStatus()).isEqualTo(200);
  }
}
