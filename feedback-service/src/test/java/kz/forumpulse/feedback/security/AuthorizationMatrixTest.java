package kz.forumpulse.feedback.security;

import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.ORGANISER;
import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.PARTICIPANT;
import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.PUBLIC;
import static kz.forumpulse.testsupport.AuthorizationMatrix.Access.STAFF_MODERATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import kz.forumpulse.feedback.FeedbackIntegrationTest;
import kz.forumpulse.testsupport.AuthorizationMatrix;
import kz.forumpulse.testsupport.AuthorizationMatrix.Account;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint has exactly one intended rule, and the running service enforces it. */
@FeedbackIntegrationTest
class AuthorizationMatrixTest {

  static final AuthorizationMatrix MATRIX =
      new AuthorizationMatrix()
          .allow(GET, "/api/forums/{forumId}/projects", PUBLIC)
          .allow(GET, "/api/forums/{forumId}/questions", PUBLIC)
          .allow(POST, "/api/forums/{forumId}/questions", PARTICIPANT)
          .allow(GET, "/api/forums/{forumId}/my/questions", PARTICIPANT)
          .allow(DELETE, "/api/forums/{forumId}/my/questions/{questionId}", PARTICIPANT)
          .allow(POST, "/api/forums/{forumId}/questions/{questionId}/support", PARTICIPANT)
          .allow(DELETE, "/api/forums/{forumId}/questions/{questionId}/support", PARTICIPANT)
          .allow(POST, "/api/forums/{forumId}/projects", ORGANISER)
          .allow(PUT, "/api/forums/{forumId}/projects/{code}", ORGANISER)
          .allow(DELETE, "/api/forums/{forumId}/projects/{code}", ORGANISER)
          .allow(GET, "/api/forums/{forumId}/moderation/settings", STAFF_MODERATION)
          .allow(PUT, "/api/forums/{forumId}/moderation/settings", STAFF_MODERATION)
          .allow(GET, "/api/forums/{forumId}/moderation/questions", STAFF_MODERATION)
          .allow(
              POST,
              "/api/forums/{forumId}/moderation/questions/{questionId}/approve",
              STAFF_MODERATION)
          .allow(
              POST,
              "/api/forums/{forumId}/moderation/questions/{questionId}/reject",
              STAFF_MODERATION)
          .allow(
              POST,
              "/api/forums/{forumId}/moderation/questions/{questionId}/edit",
              STAFF_MODERATION)
          .allow(
              POST,
              "/api/forums/{forumId}/moderation/questions/{questionId}/answer",
              STAFF_MODERATION)
          .allow(
              POST,
              "/api/forums/{forumId}/moderation/questions/{questionId}/withdraw",
              STAFF_MODERATION);

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
