package kz.forumpulse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The proxy against stub services: each path reaches the right one with method, query, body and the
 * allowed headers; status, body and the allowed headers come back; an event stream is passed on
 * event by event; pages carry the security headers.
 */
@SpringBootTest(
    classes = WebApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=web")
@AutoConfigureMockMvc
class ApiProxyTest {

  private static final StubServices stubs = StubServices.INSTANCE;

  @DynamicPropertySource
  static void upstreams(DynamicPropertyRegistry registry) {
    registry.add("forum.web.registration-url", () -> StubServices.url(stubs.registration));
    registry.add("forum.web.feedback-url", () -> StubServices.url(stubs.feedback));
    registry.add("forum.web.reporting-url", () -> StubServices.url(stubs.reporting));
  }

  @Autowired MockMvc mvc;
  @LocalServerPort int port;

  /**
   * What the pages' script sends with every non-GET request: the {@code XSRF-TOKEN} cookie's value
   * echoed in {@code X-XSRF-TOKEN}. Cookies the request already has are kept.
   */
  static RequestPostProcessor csrfToken() {
    return request -> {
      List<Cookie> cookies = new ArrayList<>();
      if (request.getCookies() != null) {
        cookies.addAll(List.of(request.getCookies()));
      }
      cookies.add(new Cookie("XSRF-TOKEN", "proxy-test-token"));
      request.setCookies(cookies.toArray(Cookie[]::new));
      request.addHeader("X-XSRF-TOKEN", "proxy-test-token");
      return request;
    };
  }

  @Test
  void registrationPostGoesToRegistrationWithBodyAndHeaders() throws Exception {
    mvc.perform(
            post("/api/forums/f1/registrations")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "kk")
                .header("Idempotency-Key", "k-1")
                .cookie(new Cookie("JSESSIONID", "browser"))
                .with(csrfToken())
                .content("{\"fullName\":\"Айгүл\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.service").value("registration"))
        .andExpect(jsonPath("$.method").value("POST"))
        .andExpect(jsonPath("$.path").value("/api/forums/f1/registrations"))
        .andExpect(jsonPath("$.body").value("{\"fullName\":\"Айгүл\"}"))
        .andExpect(
            jsonPath("$.contentType").value(org.hamcrest.Matchers.startsWith("application/json")))
        .andExpect(jsonPath("$.language").value("kk"))
        .andExpect(jsonPath("$.idempotencyKey").value("k-1"))
        .andExpect(jsonPath("$.cookie").doesNotExist())
        .andExpect(header().string("Location", "/api/forums/f1/registrations/new"))
        .andExpect(header().doesNotExist("Set-Cookie"));
  }

  @Test
  void questionsGoToFeedbackWithTheParticipantCode() throws Exception {
    mvc.perform(
            post("/api/forums/f1/questions")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Participant-Code", "CODE-1")
                .with(csrfToken())
                .content("{}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.service").value("feedback"))
        .andExpect(jsonPath("$.participantCode").value("CODE-1"));
    mvc.perform(get("/api/forums/f1/questions").queryParam("sort", "newest"))
        .andExpect(jsonPath("$.service").value("feedback"))
        .andExpect(jsonPath("$.query").value("sort=newest"));
    mvc.perform(
            delete("/api/forums/f1/questions/q1/support")
                .header("X-Participant-Code", "C")
                .with(csrfToken()))
        .andExpect(jsonPath("$.service").value("feedback"))
        .andExpect(jsonPath("$.method").value("DELETE"));
  }

  @Test
  void similarQuestionsAndReportsGoToReportingWithAuthorization() throws Exception {
    mvc.perform(
            get("/api/forums/f1/reports/faq?answered=false")
                .header("Authorization", "Basic b3JnYW5pc2VyOnB3"))
        .andExpect(jsonPath("$.service").value("reporting"))
        .andExpect(jsonPath("$.path").value("/api/forums/f1/reports/faq"))
        .andExpect(jsonPath("$.authorization").value("Basic b3JnYW5pc2VyOnB3"));
    // Over a real socket, so the query string is exactly what a browser sends (kept encoded).
    String query = "project=P&text=%D0%BA%D1%80%D0%B5%D0%B4%D0%B8%D1%82+%3F";
    HttpResponse<String> similar =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/api/forums/f1/questions/similar?"
                                + query))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(similar.body())
        .contains("\"service\":\"reporting\"")
        .contains("\"path\":\"/api/forums/f1/questions/similar\"")
        .contains("\"query\":\"" + query + "\"");
  }

  @Test
  void selfServiceGoesToRegistration() throws Exception {
    mvc.perform(
            patch("/api/me")
                .header("X-Participant-Code", "C")
                .with(csrfToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"position\":\"аким\"}"))
        .andExpect(jsonPath("$.service").value("registration"))
        .andExpect(jsonPath("$.method").value("PATCH"))
        .andExpect(jsonPath("$.body").value("{\"position\":\"аким\"}"));
  }

  @Test
  void statusComesBackButNoBrowserLoginDialog() throws Exception {
    mvc.perform(get("/api/forums/f1/registrations/secret"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist("WWW-Authenticate"));
  }

  @Test
  void unknownApiPathIsNotProxied() throws Exception {
    mvc.perform(get("/api/forums/f1/nothing-here"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void unreachableServiceIsABadGateway() throws Exception {
    var closed = new java.net.ServerSocket(0);
    int deadPort = closed.getLocalPort();
    closed.close();
    WebProperties dead =
        new WebProperties(URI.create("http://127.0.0.1:" + deadPort), null, null, null, null, null);
    var controller = new ApiProxyController(dead);
    var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/forums");
    var response = new org.springframework.mock.web.MockHttpServletResponse();
    controller.proxy(request, response);
    assertThat(response.getStatus()).isEqualTo(502);
    assertThat(response.getContentType()).startsWith("application/problem+json");
  }

  @Test
  void pagesCarryTheSecurityHeaders() throws Exception {
    mvc.perform(get("/register.html"))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.startsWith("default-src 'self'")))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"));
    mvc.perform(get("/i18n/kk.json")).andExpect(status().isOk());
  }

  /** Over a real socket: the first event reaches the browser while the stream is still open. */
  @Test
  void eventStreamIsPassedOnEventByEvent() throws Exception {
    stubs.resetStream();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/forums/f1/reports/live"))
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(20))
            .build();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(reader.readLine()).isEqualTo("event:ready");
      assertThat(reader.readLine()).isEqualTo("data:{\"n\":1}");
      // Only now does the service send the second event: the first was not held back.
      stubs.releaseSecondEvent();
      assertThat(reader.readLine()).isEmpty();
      assertThat(reader.readLine()).isEqualTo("event:faq");
    }
  }
}
