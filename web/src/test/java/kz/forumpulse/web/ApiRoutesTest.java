package kz.forumpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which service each API path belongs to, from each service's controllers. */
class ApiRoutesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // registration-service
    "/api/forums, REGISTRATION",
    "/api/forums/f1, REGISTRATION",
    "/api/forums/f1/registrations, REGISTRATION",
    "/api/forums/f1/registrations/summary, REGISTRATION",
    "/api/forums/f1/registrations/r1/approve, REGISTRATION",
    "/api/forums/f1/registrations/r1/personal-data, REGISTRATION",
    "/api/forums/f1/check-ins, REGISTRATION",
    "/api/forums/f1/check-ins/r1, REGISTRATION",
    "/api/forums/f1/exports/registrations.csv, REGISTRATION",
    "/api/me, REGISTRATION",
    "/api/me/ticket.png, REGISTRATION",
    "/api/me/ticket.svg, REGISTRATION",
    // feedback-service
    "/api/forums/f1/projects, FEEDBACK",
    "/api/forums/f1/projects/AUYL_AMANATY, FEEDBACK",
    "/api/forums/f1/questions, FEEDBACK",
    "/api/forums/f1/questions/q1/support, FEEDBACK",
    "/api/forums/f1/moderation/settings, FEEDBACK",
    "/api/forums/f1/moderation/questions/q1/approve, FEEDBACK",
    "/api/forums/f1/my/questions, FEEDBACK",
    // reporting-service
    "/api/forums/f1/questions/similar, REPORTING",
    "/api/forums/f1/reports/attendance, REPORTING",
    "/api/forums/f1/reports/faq, REPORTING",
    "/api/forums/f1/reports/live, REPORTING",
    "/api/forums/f1/faq/groups/g1/merge, REPORTING",
    "/api/reports/rebuild, REPORTING"
  })
  void routesEachPathToItsService(String path, Upstream expected) {
    assertThat(ApiRoutes.route(path)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api",
        "/api/actuator/health",
        "/api/forums/f1/unknown",
        "/api/forums/../actuator",
        "/api/forums//f1",
        "/actuator/env",
        "/api/me/../forums"
      })
  void leavesOtherPathsUnrouted(String path) {
    assertThat(ApiRoutes.route(path)).isEmpty();
  }
}
