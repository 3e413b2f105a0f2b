package kz.forumpulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What operators scrape and probe: health groups and the Prometheus endpoint with our meters. */
class OperationsTest {

  static ForumPulseSystem system;

  @BeforeAll
  static void start() {
    system = ForumPulseSystem.get();
  }

  @Test
  void probesAreOpenAndReadinessIncludesTheDatabaseAndTheBroker() {
    for (String service : new String[] {system.registration, system.feedback, system.reporting}) {
      HttpResponse<String> liveness = system.get(service + "/actuator/health/liveness", Map.of());
      assertThat(liveness.statusCode()).as(service + " liveness").isEqualTo(200);
      HttpResponse<String> readiness = system.get(service + "/actuator/health/readiness", Map.of());
      assertThat(readiness.statusCode()).as(service + " readiness").isEqualTo(200);
      assertThat(readiness.body()).contains("\"status\":\"UP\"");
      assertThat(JsonPath.<String>read(readiness.body(), "$.components.mongo.status"))
          .isEqualTo("UP");
      // The broker check runs in the background; it answers within a few seconds of the start.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          JsonPath.<String>read(
                              system.get(service + "/actuator/health/readiness", Map.of()).body(),
                              "$.components.kafka.status"))
                      .as(service + " kafka in readiness")
                      .isEqualTo("UP"));
    }
  }

  @Test
  void prometheusShowsTheProductsMeters() {
    // Something to count: one forum (an outbox event) and a dead letter in reporting would need
    // poison; the meters exist from the start, with their value.
    HttpResponse<String> forum =
        system.post(
            system.registration + "/api/forums",
            """
            {"titleRu":"Форум метрик","titleKk":"Метрика форумы","startsOn":"2027-02-01",
             "venue":"Уральск","regionCode":"ZKO","capacity":100}
            """,
            ForumPulseSystem.organiser());
    assertThat(forum.statusCode()).isEqualTo(201);

    String registration = scrape(system.registration);
    assertThat(registration)
        .contains("forum_outbox_published_total")
        .contains("forum_outbox_publish_failures_total")
        .contains("forum_outbox_backlog")
        .contains("http_server_requests_seconds");
    String feedback = scrape(system.feedback);
    assertThat(feedback).contains("forum_outbox_published_total").contains("forum_outbox_backlog");
    String reporting = scrape(system.reporting);
    assertThat(reporting)
        .contains("forum_events_consumed_total{")
        .contains("forum_events_applied_total{")
        .contains("forum_events_dead_lettered_total{")
        .contains("topic=\"attendees\"");
  }

  @Test
  void metricsAreNotPublic() {
    assertThat(system.get(system.reporting + "/actuator/prometheus", Map.of()).statusCode())
        .isEqualTo(401);
  }

  private static String scrape(String service) {
    HttpResponse<String> r =
        system.get(service + "/actuator/prometheus", ForumPulseSystem.organiser());
    assertThat(r.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
    return r.body();
  }
}
