package kz.forumpulse.reporting.security;

import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.ORGANISER;
import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.PUBLIC;
import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.STAFF_MODERATION;
import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.STAFF_REPORTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import kz.forumpulse.testsupport.AuthorizationMatrix;
import kz.forumpulse.testsupport.AuthorizationMatrix.Account;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint has exactly one intended rule, and the running service enforces it. */
@ReportingIntegrationTest
class AuthorizationMatrixTest {

  static final AuthorizationMatrix MATRIX =
      new AuthorizationMatrix()
          .allow(GET, "/api/forums/{forumId}/questions/similar", PUBLIC)
          .allow(GET, "/api/forums/{forumId}/reports/attendance", STAFF_REPORTS)
          .allow(GET, "/api/forums/{forumId}/reports/attendance/export", STAFF_REPORTS)
          .allow(GET, "/api/forums/{forumId}/reports/faq", STAFF_REPORTS)
          .allow(GET, "/api/forums/{forumId}/reports/faq/export", STAFF_REPORTS)
          .allow(GET, "/api/forums/{forumId}/reports/faq/groups/{groupId}/questions", STAFF_REPORTS)
          .allow(GET, "/api/forums/{forumId}/reports/live", STAFF_REPORTS)
          .allow(GET, "/api/forums/{forumId}/reports/questions", STAFF_REPORTS)
          .allow(GET, "/api/forums/{forumId}/reports/questions/export", STAFF_REPORTS)
          .allow(POST, "/api/forums/{forumId}/faq/merges", STAFF_MODERATION)
          .allow(POST, "/api/forums/{forumId}/faq/moves", STAFF_MODERATION)
          .allow(PUT, "/api/forums/{forumId}/faq/groups/{groupId}/representative", STAFF_MODERATION)
          .allow(POST, "/api/forums/{forumId}/faq/curation/{actionId}/undo", STAFF_MODERATION)
          .allow(GET, "/api/forums/{forumId}/faq/curation", STAFF_MODERATION)
          .allow(GET, "/api/reports/rebuild", ORGANISER)
          .allowWithoutProbe(POST, "/api/reports/rebuild", ORGANISER);

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
