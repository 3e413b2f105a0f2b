package kz.forumpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.support.GenericApplicationContext;

class LocalStackConfigTest {

  private static final Path CWD = Path.of("/srv/forum-pulse");

  private static LocalStackConfig resolve(Map<String, String> env) {
    return LocalStackConfig.resolve(env, CWD, () -> "generated-secret");
  }

  @Test
  void withoutEnvironmentEverythingIsEmbeddedWithDefaults() {
    LocalStackConfig config = resolve(Map.of());

    assertThat(config.startsEmbeddedKafka()).isTrue();
    assertThat(config.startsEmbeddedMongo()).isTrue();
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/forum-pulse/data"));
    assertThat(config.kafkaPort()).isEqualTo(9092);
    assertThat(config.kafkaControllerPort()).isEqualTo(9093);
    assertThat(config.mongoPort()).isEqualTo(27017);
    assertThat(config.registrationPort()).isEqualTo(8081);
    assertThat(config.feedbackPort()).isEqualTo(8082);
    assertThat(config.reportingPort()).isEqualTo(8083);
    assertThat(config.organiserPassword()).isEqualTo("generated-secret");
    assertThat(config.passwordGenerated()).isTrue();
    assertThat(config.moderatorPassword()).isEqualTo("generated-secret");
    assertThat(config.demoData()).isTrue();
  }

  @Test
  void servicesGetBrokerMongoPortAndTheSharedPasswords() {
    LocalStackConfig config = resolve(Map.of("FORUM_ORGANISER_PASSWORD", "pw"));

    assertThat(Services.arguments("127.0.0.1:9092", "mongodb://127.0.0.1:27017", 8082, config))
        .contains(
            "--spring.cloud.stream.kafka.binder.brokers=127.0.0.1:9092",
            "--spring.mongodb.uri=mongodb://127.0.0.1:27017",
            "--server.port=8082",
            "--forum.security.organiser-password=pw",
            "--forum.security.moderator-password=generated-secret");
  }

  @Test
  void writeServicesGetOneRequestThreadPerCoreReportingEightAndTheWebProxyTomcatsPool() {
    LocalStackConfig config = resolve(Map.of());
    int cores = Runtime.getRuntime().availableProcessors();
    for (Services.Service service : Services.of(config)) {
      String[] args = Services.arguments(service, "127.0.0.1:9092", "mongodb://x", config);
      assertThat(args).contains("--server.port=" + service.port());
      switch (service.name()) {
        // Its proxy holds a thread per open live stream: a cap would block the UI.
        case "web" -> assertThat(args).noneMatch(a -> a.startsWith("--server.tomcat.threads"));
        case "reporting-service" ->
            assertThat(args)
                .contains(
                    "--server.tomcat.threads.max=${SERVER_THREADS:" + Math.max(8, cores) + "}");
        default ->
            assertThat(args)
                .contains(
                    "--server.tomcat.threads.max=${SERVER_THREADS:" + Math.max(2, cores) + "}");
      }
    }
  }

  @Test
  void writeServicesTakeRequestsBelowThePipelinesPriority() {
    LocalStackConfig config = resolve(Map.of());
    for (Services.Service service : Services.of(config)) {
      try (var context = new GenericApplicationContext()) {
        Services.intakeBelowPipeline(service, context);
        context.refresh();
        var customizers = context.getBeansOfType(TomcatConnectorCustomizer.class);
        if (service.name().equals("web") || service.name().equals("reporting-service")) {
          assertThat(customizers).as(service.name()).isEmpty();
        } else {
          var connector = new Connector();
          customizers.values().forEach(c -> c.customize(connector));
          assertThat(connector.getProperty("threadPriority"))
              .as(service.name())
              .isEqualTo(Thread.MIN_PRIORITY);
        }
      }
    }
  }

  @Test
  void kafkaBootstrapServersFromEnvironmentMeansNoEmbeddedBroker() {
    LocalStackConfig config = resolve(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092"));

    assertThat(config.startsEmbeddedKafka()).isFalse();
    assertThat(config.externalKafka()).contains("kafka:19092");
    assertThat(config.startsEmbeddedMongo()).isTrue();
  }

  @Test
  void mongodbUriFromEnvironmentMeansNoEmbeddedMongo() {
    LocalStackConfig config = resolve(Map.of("MONGODB_URI", "mongodb://mongo:27017"));

    assertThat(config.startsEmbeddedMongo()).isFalse();
    assertThat(config.externalMongo()).contains("mongodb://mongo:27017");
    assertThat(config.startsEmbeddedKafka()).isTrue();
  }

  @Test
  void blankValuesCountAsUnset() {
    LocalStackConfig config =
        resolve(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", " ", "MONGODB_URI", "", "FORUM_ORGANISER_PASSWORD", ""));

    assertThat(config.startsEmbeddedKafka()).isTrue();
    assertThat(config.startsEmbeddedMongo()).isTrue();
    assertThat(config.passwordGenerated()).isTrue();
  }

  @Test
  void portsPasswordDataDirAndDemoSwitchAreOverridable() {
    LocalStackConfig config =
        resolve(
            Map.of(
                "FORUM_DATA_DIR", "/var/forum",
                "REGISTRATION_PORT", "9181",
                "FEEDBACK_PORT", "9182",
                "REPORTING_PORT", "9183",
                "LOCAL_MONGO_PORT", "27018",
                "FORUM_ORGANISER_PASSWORD", "s3cret",
                "FORUM_MODERATOR_PASSWORD", "mod",
                "FORUM_ANALYST_PASSWORD", "ana",
                "FORUM_DEMO_DATA", "false"));

    assertThat(config.dataDir()).isEqualTo(Path.of("/var/forum"));
    assertThat(config.registrationPort()).isEqualTo(9181);
    assertThat(config.feedbackPort()).isEqualTo(9182);
    assertThat(config.reportingPort()).isEqualTo(9183);
    assertThat(config.mongoPort()).isEqualTo(27018);
    assertThat(config.organiserPassword()).isEqualTo("s3cret");
    assertThat(config.passwordGenerated()).isFalse();
    assertThat(config.moderatorPassword()).isEqualTo("mod");
    assertThat(config.analystPassword()).isEqualTo("ana");
    assertThat(config.demoData()).isFalse();
  }

  @Test
  void relativeDataDirIsResolvedAgainstTheWorkingDirectory() {
    assertThat(resolve(Map.of("FORUM_DATA_DIR", "tmp/../stack")).dataDir())
        .isEqualTo(Path.of("/srv/forum-pulse/stack"));
  }

  @Test
  void aPortThatIsNotANumberIsReportedByName() {
    assertThatThrownBy(() -> resolve(Map.of("FEEDBACK_PORT", "eighty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FEEDBACK_PORT");
  }

  @Test
  void generatedPasswordsAreSixteenUrlSafeCharacters() {
    String a = LocalStackConfig.randomPassword();
    String b = LocalStackConfig.randomPassword();

    assertThat(a).hasSize(16).matches("[A-Za-z0-9_-]{16}");
    assertThat(a).isNotEqualTo(b);
  }
}
