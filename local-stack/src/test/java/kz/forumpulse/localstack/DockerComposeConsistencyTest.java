package kz.forumpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so this test keeps it honest against
 * the services' own configuration: names, ports, environment variables, health checks, start order
 * and Dockerfiles. When a port or a variable name drifts on either side, it fails.
 */
class DockerComposeConsistencyTest {

  /** A service of the product: its compose name, its config file, the variable of its port. */
  record ServiceSpec(String name, String configFile) {}

  static final List<ServiceSpec> SERVICES =
      List.of(
          new ServiceSpec(
              "registration-service", "registration-service/src/main/resources/registration.yml"),
          new ServiceSpec("feedback-service", "feedback-service/src/main/resources/feedback.yml"),
          new ServiceSpec(
              "reporting-service", "reporting-service/src/main/resources/reporting.yml"));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+):(\\d+)}");

  static Path root;
  static String composeText;

  @BeforeAll
  static void findRepository() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a docker-compose.yml above %s", Path.of("").toAbsolutePath()).isNotNull();
    root = dir;
    composeText = Files.readString(root.resolve("docker-compose.yml"));
  }

  @Test
  void composeMatchesTheServicesConfiguration() throws IOException {
    assertThat(problems(composeText, readConfigs(), this::exists)).isEmpty();
  }

  @Test
  void aPortThatDriftsIsCaught() throws IOException {
    String drifted = composeText.replace("\"8082:8082\"", "\"8092:8092\"");
    assertThat(drifted).isNotEqualTo(composeText);

    assertThat(problems(drifted, readConfigs(), this::exists))
        .anySatisfy(p -> assertThat(p).contains("feedback-service").contains("8082"));
  }

  @Test
  void aVariableTheServiceDoesNotReadIsCaught() throws IOException {
    Map<String, String> configs = readConfigs();
    String registration = configs.get("registration-service");
    configs.put(
        "registration-service",
        registration.replace("${KAFKA_BOOTSTRAP_SERVERS", "${KAFKA_BROKERS"));

    assertThat(problems(composeText, configs, this::exists))
        .anySatisfy(
            p ->
                assertThat(p).contains("registration-service").contains("KAFKA_BOOTSTRAP_SERVERS"));
  }

  @Test
  void aMissingDependencyOrHealthCheckIsCaught() throws IOException {
    String noHealthcheck = composeText.replace("service_healthy", "service_started");

    assertThat(problems(noHealthcheck, readConfigs(), this::exists))
        .anySatisfy(p -> assertThat(p).contains("depends_on"));
  }

  private boolean exists(String relative) {
    return Files.isRegularFile(root.resolve(relative));
  }

  private static Map<String, String> readConfigs() throws IOException {
    Map<String, String> configs = new LinkedHashMap<>();
    for (ServiceSpec spec : SERVICES) {
      Path file = root.resolve(spec.configFile());
      assertThat(file).as("config file of " + spec.name()).isRegularFile();
      configs.put(spec.name(), Files.readString(file));
    }
    return configs;
  }

  /** Everything that is wrong, one line each; empty when compose and configuration agree. */
  static List<String> problems(
      String compose,
      Map<String, String> configs,
      java.util.function.Predicate<String> fileExists) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> services =
        map(new Yaml().<Map<String, Object>>load(compose).get("services"));

    Map<String, Object> kafka = map(services.get("kafka"));
    Map<String, Object> mongo = map(services.get("mongo"));
    if (kafka.isEmpty() || mongo.isEmpty()) {
      problems.add("compose: services 'kafka' and 'mongo' must both be defined");
    }
    String kafkaImage = String.valueOf(kafka.get("image"));
    if (!kafkaImage.startsWith("apache/kafka:")) {
      problems.add("kafka: image should be apache/kafka, is " + kafkaImage);
    }
    Map<String, String> kafkaEnv = environment(kafka);
    for (String retention : List.of("KAFKA_LOG_RETENTION_MS", "KAFKA_LOG_RETENTION_BYTES")) {
      if (!"-1".equals(kafkaEnv.get(retention))) {
        problems.add("kafka: " + retention + " must be -1 (reports are rebuilt by replay)");
      }
    }
    if (!healthcheck(kafka).contains("kafka-broker-api-versions.sh")) {
      problems.add("kafka: healthcheck must run kafka-broker-api-versions.sh");
    }
    if (!healthcheck(mongo).contains("ping")) {
      problems.add("mongo: healthcheck must ping");
    }
    String advertised = kafkaEnv.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");

    for (ServiceSpec spec : SERVICES) {
      String name = spec.name();
      Map<String, Object> service = map(services.get(name));
      if (service.isEmpty()) {
        problems.add(name + ": missing from docker-compose.yml");
        continue;
      }
      String config = configs.getOrDefault(name, "");

      // The port: the default in server.port: ${X_PORT:NNNN} is what the container listens on.
      Map<String, Object> server = Map.of();
      for (Object document : new Yaml().loadAll(config)) {
        if (server.isEmpty()) {
          server = map(map(document).get("server"));
        }
      }
      Matcher port = PLACEHOLDER.matcher(String.valueOf(server.get("port")));
      if (!port.matches()) {
        problems.add(name + ": server.port in " + spec.configFile() + " is not ${VAR:port}");
        continue;
      }
      String defaultPort = port.group(2);
      List<String> mappings = portMappings(service);
      if (!mappings.contains(defaultPort + ":" + defaultPort)) {
        problems.add(
            name
                + ": ports "
                + mappings
                + " do not publish its configured port "
                + defaultPort
                + ":"
                + defaultPort);
      }

      // Every variable compose sets is one the service reads, and the two it must have are there.
      Map<String, String> env = environment(service);
      for (String variable : env.keySet()) {
        if (!config.contains("${" + variable)) {
          problems.add(
              name
                  + ": compose sets "
                  + variable
                  + " but "
                  + spec.configFile()
                  + " never reads ${"
                  + variable
                  + "}");
        }
      }
      for (String required : List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI")) {
        if (!env.containsKey(required)) {
          problems.add(name + ": compose does not set " + required);
        }
      }
      String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
      if (bootstrap.isEmpty() || !advertised.contains("://" + bootstrap)) {
        problems.add(
            name
                + ": KAFKA_BOOTSTRAP_SERVERS="
                + bootstrap
                + " is not a listener kafka advertises ("
                + advertised
                + ")");
      }
      if (!env.getOrDefault("MONGODB_URI", "").startsWith("mongodb://mongo:")) {
        problems.add(name + ": MONGODB_URI must point at the mongo service");
      }

      String check = healthcheck(service);
      if (!check.contains("/actuator/health/readiness") || !check.contains(defaultPort)) {
        problems.add(
            name + ": healthcheck must ask /actuator/health/readiness on port " + defaultPort);
      }

      Map<String, Object> dependsOn = map(service.get("depends_on"));
      for (String dependency : List.of("kafka", "mongo")) {
        Object condition = map(dependsOn.get(dependency)).get("condition");
        if (!"service_healthy".equals(condition)) {
          problems.add(
              name + ": depends_on " + dependency + " must have condition service_healthy");
        }
      }

      Map<String, Object> build = map(service.get("build"));
      String dockerfile = String.valueOf(build.get("dockerfile"));
      if (!".".equals(String.valueOf(build.get("context")))) {
        problems.add(name + ": build context must be the repository root '.'");
      }
      if (!dockerfile.equals(name + "/Dockerfile") || !fileExists.test(dockerfile)) {
        problems.add(
            name
                + ": build.dockerfile must be an existing "
                + name
                + "/Dockerfile, is "
                + dockerfile);
      }
    }
    return problems;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** {@code environment:} as a map or as a list of KEY=VALUE. */
  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object raw = service.get("environment");
    if (raw instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (raw instanceof List<?> list) {
      for (Object item : list) {
        String s = String.valueOf(item);
        int eq = s.indexOf('=');
        env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
      }
    }
    return env;
  }

  /** {@code ports:} in short ("8081:8081") or long (target/published) syntax, as host:container. */
  private static List<String> portMappings(Map<String, Object> service) {
    List<String> out = new ArrayList<>();
    if (service.get("ports") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          out.add(m.get("published") + ":" + m.get("target"));
        } else {
          String s = String.valueOf(item);
          String[] parts = s.split(":");
          out.add(
              parts.length >= 2
                  ? parts[parts.length - 2] + ":" + parts[parts.length - 1]
                  : s + ":" + s);
        }
      }
    }
    return out;
  }

  private static String healthcheck(Map<String, Object> service) {
    Object test = map(service.get("healthcheck")).get("test");
    return test instanceof List<?> list
        ? String.join(" ", list.stream().map(String::valueOf).toList())
        : String.valueOf(test);
  }
}
