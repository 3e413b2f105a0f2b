package kz.forumpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.forumpulse.mongoemulator.NarrowingMemoryBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service the local stack starts with the in-process backend uses it for everything: no server
 * listens on the Mongo URI it is given, yet it starts, reports MongoDB healthy and its commands
 * reach the backend.
 */
class InProcessMongoServicesTest {

  @TempDir Path dataDir;

  @Test
  void aServiceTalksToTheBackendWithoutASocket() throws Exception {
    int feedbackPort = FreePorts.next();
    // Nothing listens here: a socket connection would fail the readiness check below.
    String unboundMongo = "mongodb://127.0.0.1:" + FreePorts.next();
    LocalStackConfig config =
        LocalStackConfig.resolve(
            Map.of(
                "FEEDBACK_PORT", String.valueOf(feedbackPort),
                "FORUM_ORGANISER_PASSWORD", "in-process-test-password",
                "FORUM_DEMO_DATA", "false"),
            dataDir,
            () -> "generated-password");
    assertThat(config.mongoInProcess()).isTrue();
    Services.Service feedback =
        Services.of(config).stream()
            .filter(s -> s.name().equals("feedback-service"))
            .findFirst()
            .orElseThrow();
    NarrowingMemoryBackend backend = new NarrowingMemoryBackend();

    try (LocalKafka kafka =
            LocalKafka.start(dataDir.resolve("kafka"), FreePorts.next(), FreePorts.next());
        Services services =
            Services.start(
                List.of(feedback),
                kafka.bootstrapServers(),
                unboundMongo,
                Optional.of(backend),
                config)) {
      HttpResponse<String> readiness =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:" + feedbackPort + "/actuator/health/readiness"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(readiness.statusCode()).isEqualTo(200);
      assertThat(readiness.body()).contains("\"status\":\"UP\"");
      // The health check's ping and the service's index set-up went to this backend.
      assertThat(backend.commandCounts())
          .containsKeys("ping", "createIndexes questions", "createIndexes participants");
    } finally {
      backend.close();
    }
  }
}
