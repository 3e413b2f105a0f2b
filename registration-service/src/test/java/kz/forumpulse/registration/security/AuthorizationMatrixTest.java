package kz.forumpulse.registration.security;

import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.ORGANISER;
import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.PARTICIPANT;
import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;
import kz.forumpulse.registration.RegistrationIntegrationTest;
import kz.forumpulse.testsupport.AuthorizationMatrix;
import kz.forumpulse.testsupport.AuthorizationMatrix.Account;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint has exactly one intended rule, and the running service enforces it. */
@RegistrationIntegrationTest
class AuthorizationMatrixTest {

  static final AuthorizationMatrix MATRIX =
      new AuthorizationMatrix()
          .allow(GET, "/api/forums", PUBLIC)
          .allow(GET, "/api/forums/{forumId}", PUBLIC)
          .allow(POST, "/api/forums/{forumId}/registrations", PUBLIC)
          .allow(GET, "/api/me", PARTICIPANT)
          .allow(PATCH, "/api/me", PARTICIPANT)
          .allow(DELETE, "/api/me", PARTICIPANT)
          .allow(GET, "/api/me/ticket.png", PARTICIPANT)
          .allow(GET, "/api/me/ticket.svg", PARTICIPANT)
          .allow(POST, "/api/forums", ORGANISER)
          .allow(PATCH, "/api/forums/{forumId}", ORGANISER)
          .allow(GET, "/api/forums/{forumId}/registrations", ORGANISER)
          .allow(GET, "/api/forums/{forumId}/registrations/summary", ORGANISER)
          .allow(GET, "/api/forums/{forumId}/registrations/{registrationId}", ORGANISER)
          .allow(POST, "/api/forums/{forumId}/registrations/{registrationId}/approve", ORGANISER)
          .allow(POST, "/api/forums/{forumId}/registrations/{registrationId}/cancel", ORGANISER)
          .allow(POST, "/api/forums/{forumId}/registrations/{registrationId}/decline", ORGANISER)
          .allow(
              DELETE,
              "/api/forums/{forumId}/registrations/{registrationId}/personal-data",
              ORGANISER)
          .allow(POST, "/api/forums/{forumId}/check-ins", ORGANISER)
          .allow(DELETE, "/api/forums/{forumId}/check-ins/{registrationId}", ORGANISER)
          .allow(GET, "/api/forums/{forumId}/exports/registrations.csv", ORGANISER)
          .allow(GET, "/api/forums/{forumId}/exports/registrations.xlsx", ORGANISER)
          .allow(POST, "/api/forums/{forumId}/seats/recount", ORGANISER);

  static final List<Account> STAFF =
      List.of(
          new Account("organiser", "test-organiser", "ORGANISER"),
          new Account("moderator", "test-moderator", "MODERATOR"),
          new Account("analyst", "test-analyst", "ANALYST"));

  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Test
  void everyEndpointHasARule() {
    assertThat(MATRIX.unruled(mapping)).as("endpoints without a rule in the matrix").isEmpty();
  }

  @Test
  void everyCallerGetsExactlyTheIntendedAnswer() throws Exception {
    assertThat(MATRIX.violations(mvc, STAFF)).isEmpty();
  }
}
