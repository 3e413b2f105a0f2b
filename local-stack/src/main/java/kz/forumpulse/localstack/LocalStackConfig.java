package kz.forumpulse.localstack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the launcher reads from the environment, resolved once.
 *
 * @param dataDir where the embedded broker and Mongo server keep their files
 * @param externalKafka {@code KAFKA_BOOTSTRAP_SERVERS}: when present no broker is started
 * @param externalMongo {@code MONGODB_URI}: when present no Mongo server is started
 * @param mongoInProcess {@code LOCAL_MONGO_IN_PROCESS}: the services reach the embedded Mongo
 *     server without a socket (ADR 0014); its port stays open for other clients either way
 */
public record LocalStackConfig(
    Path dataDir,
    Optional<String> externalKafka,
    Optional<String> externalMongo,
    int kafkaPort,
    int kafkaControllerPort,
    int mongoPort,
    int registrationPort,
    int feedbackPort,
    int reportingPort,
    String organiserPassword,
    boolean passwordGenerated,
    String moderatorPassword,
    String analystPassword,
    boolean demoData,
    boolean mongoInProcess) {

  public static final String ORGANISER_USER = "organiser";

  /** The environment variables the launcher reads, with their defaults (documented in docs/). */
  public static final Map<String, String> VARIABLES =
      Map.ofEntries(
          Map.entry("FORUM_DATA_DIR", "./data"),
          Map.entry("KAFKA_BOOTSTRAP_SERVERS", "(unset: embedded broker)"),
          Map.entry("MONGODB_URI", "(unset: embedded server)"),
          Map.entry("LOCAL_KAFKA_PORT", "9092"),
          Map.entry("LOCAL_KAFKA_CONTROLLER_PORT", "9093"),
          Map.entry("LOCAL_MONGO_PORT", "27017"),
          Map.entry("REGISTRATION_PORT", "8081"),
          Map.entry("FEEDBACK_PORT", "8082"),
          Map.entry("REPORTING_PORT", "8083"),
          Map.entry("FORUM_ORGANISER_PASSWORD", "(unset: random, printed)"),
          Map.entry("FORUM_MODERATOR_PASSWORD", "(unset: random, printed)"),
          Map.entry("FORUM_ANALYST_PASSWORD", "(unset: random, printed)"),
          Map.entry("FORUM_DEMO_DATA", "true"),
          Map.entry("LOCAL_MONGO_IN_PROCESS", "true"));

  public static LocalStackConfig fromEnvironment() {
    return resolve(System.getenv(), Path.of("").toAbsolutePath(), LocalStackConfig::randomPassword);
  }

  /** Resolves the configuration from {@code env}; relative paths are taken from {@code cwd}. */
  public static LocalStackConfig resolve(
      Map<String, String> env, Path cwd, Supplier<String> passwordGenerator) {
    Optional<String> password = value(env, "FORUM_ORGANISER_PASSWORD");
    return new LocalStackConfig(
        cwd.resolve(value(env, "FORUM_DATA_DIR").orElse("data")).normalize().toAbsolutePath(),
        value(env, "KAFKA_BOOTSTRAP_SERVERS"),
        value(env, "MONGODB_URI"),
        port(env, "LOCAL_KAFKA_PORT", 9092),
        port(env, "LOCAL_KAFKA_CONTROLLER_PORT", 9093),
        port(env, "LOCAL_MONGO_PORT", 27017),
        port(env, "REGISTRATION_PORT", 8081),
        port(env, "FEEDBACK_PORT", 8082),
        port(env, "REPORTING_PORT", 8083),
        password.orElseGet(passwordGenerator),
        password.isEmpty(),
        // One moderator and one analyst password for all three services (each service alone
        // would generate its own).
        value(env, "FORUM_MODERATOR_PASSWORD").orElseGet(passwordGenerator),
        value(env, "FORUM_ANALYST_PASSWORD").orElseGet(passwordGenerator),
        value(env, "FORUM_DEMO_DATA").map(LocalStackConfig::isTrue).orElse(true),
        value(env, "LOCAL_MONGO_IN_PROCESS").map(LocalStackConfig::isTrue).orElse(true));
  }

  public boolean startsEmbeddedKafka() {
    return externalKafka.isEmpty();
  }

  public boolean startsEmbeddedMongo() {
    return externalMongo.isEmpty();
  }

  /** 16 URL-safe characters from {@link SecureRandom} (96 bits). */
  public static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static int port(Map<String, String> env, String name, int defaultPort) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(v.get());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, was '" + v.get() + "'");
    }
  }

  private static boolean isTrue(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "false", "0", "no", "off" -> false;
      default -> true;
    };
  }
}
