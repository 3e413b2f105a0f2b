package kz.forumpulse.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

/**
 * One command, one JVM: a Kafka KRaft broker, a MongoDB-compatible server, the three services and
 * the demo forum. {@code Ctrl-C} stops the services, then Kafka, then Mongo.
 */
public final class LocalStack {

  /** Loggers that are chatty at INFO (Kafka prints its whole config many times). */
  static final String[] QUIET_LOGGERS = {
    "org.apache.kafka", "kafka", "state.change.logger", "org.apache.zookeeper"
  };

  private final LocalStackConfig config;
  private LocalMongo mongo;
  private LocalKafka kafka;
  private Services services;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;

  LocalStack(LocalStackConfig config) {
    this.config = config;
  }

  public static void main(String[] args) {
    configureLogging();
    LocalStackConfig config;
    try {
      config = LocalStackConfig.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println("local-stack: " + e.getMessage());
      System.exit(2);
      return;
    }
    LocalStack stack = new LocalStack(config);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
    try {
      stack.run();
    } catch (Exception e) {
      System.err.println();
      System.err.println("local-stack could not start: " + describe(e));
      System.exit(1);
    }
    try {
      stack.stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void run() throws Exception {
    say("Forum Pulse local stack; data folder: " + config.dataDir());
    Files.createDirectories(config.dataDir());

    // Mongo opens its file while the broker starts.
    CompletableFuture<LocalMongo> mongoStart =
        config.startsEmbeddedMongo()
            ? CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return bind(
                        "Mongo",
                        "LOCAL_MONGO_PORT",
                        () -> LocalMongo.start(config.dataDir(), "127.0.0.1", config.mongoPort()));
                  } catch (Exception e) {
                    throw new CompletionException(e);
                  }
                })
            : CompletableFuture.completedFuture(null);

    String bootstrap;
    long kafkaStart = System.nanoTime();
    try {
      if (config.startsEmbeddedKafka()) {
        Path logDir = config.dataDir().resolve("kafka");
        boolean reused = LocalKafka.isFormatted(logDir);
        kafka =
            bind(
                "Kafka",
                "LOCAL_KAFKA_PORT / LOCAL_KAFKA_CONTROLLER_PORT",
                () -> LocalKafka.start(logDir, config.kafkaPort(), config.kafkaControllerPort()));
        bootstrap = kafka.bootstrapServers();
        say(
            String.format(
                Locale.ROOT,
                "Kafka broker on %s in %.1f s (%s log directory %s)",
                bootstrap,
                secondsSince(kafkaStart),
                reused ? "existing" : "new",
                logDir));
      } else {
        bootstrap = config.externalKafka().orElseThrow();
        say("Using Kafka at " + bootstrap + " (KAFKA_BOOTSTRAP_SERVERS)");
      }
    } finally {
      try {
        mongo = mongoStart.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    }

    String mongoUri;
    if (mongo != null) {
      mongoUri = mongo.connectionString();
      say(
          "MongoDB-compatible server on "
              + mongoUri
              + " (file "
              + mongo.file()
              + (config.mongoInProcess() ? "; the services reach it in-process" : "")
              + ")");
    } else {
      mongoUri = config.externalMongo().orElseThrow();
      say("Using MongoDB at " + mongoUri + " (MONGODB_URI)");
    }
    var created = LocalKafka.createTopics(bootstrap, LocalKafka.TOPICS);
    if (!created.isEmpty()) {
      say("Created topics " + created);
    }

    say("Starting registration-service, feedback-service, reporting-service, web ...");
    long servicesStart = System.nanoTime();
    Optional<MongoBackend> inProcessMongo =
        mongo != null && config.mongoInProcess() ? Optional.of(mongo.backend()) : Optional.empty();
    services = Services.start(Services.of(config), bootstrap, mongoUri, inProcessMongo, config);
    double readySeconds = uptimeSeconds();
    say(String.format(Locale.ROOT, "Services serving in %.1f s", secondsSince(servicesStart)));
    if (stopping) {
      return;
    }

    String registration = "http://localhost:" + config.registrationPort();
    String feedback = "http://localhost:" + config.feedbackPort();
    String reporting = "http://localhost:" + config.reportingPort();
    DemoData demo =
        new DemoData(
            registration, feedback, LocalStackConfig.ORGANISER_USER, config.organiserPassword());
    Optional<String> forumId;
    String demoLine;
    if (config.demoData()) {
      DemoData.Result result = demo.load();
      forumId = Optional.of(result.forumId());
      demoLine =
          result.created()
              ? String.format(
                  Locale.ROOT,
                  "loaded in %.1f s: forum and %d participants %.1f s, %d questions %.1f s%s",
                  result.millis() / 1000.0,
                  result.participants(),
                  result.participantsMillis() / 1000.0,
                  result.questions(),
                  result.questionsMillis() / 1000.0,
                  result.failures() > 0 ? " (" + result.failures() + " requests failed)" : "")
              : "already there, not loaded again";
    } else {
      forumId = existingForumQuietly(demo);
      demoLine = "off (FORUM_DEMO_DATA=false)";
    }

    String id = forumId.orElse("{forumId}");
    StringBuilder out = new StringBuilder();
    out.append('\n');
    out.append("==================== Forum Pulse is up ====================\n");
    out.append("  web           http://localhost:")
        .append(Services.webPort())
        .append(forumId.map(f -> "/register.html?forum=" + f).orElse("/"))
        .append("  (participants; staff: /login.html)\n");
    out.append("  registration  ").append(registration).append("/api/forums\n");
    out.append("  feedback      ")
        .append(feedback)
        .append("/api/forums/")
        .append(id)
        .append("/projects\n");
    out.append("  reporting     ")
        .append(reporting)
        .append("/api/forums/")
        .append(id)
        .append("/reports/attendance\n");
    out.append("                ")
        .append(reporting)
        .append("/api/forums/")
        .append(id)
        .append("/reports/faq?project=AUYL_AMANATY\n");
    out.append("  organiser     user '")
        .append(LocalStackConfig.ORGANISER_USER)
        .append("', password '")
        .append(config.organiserPassword())
        .append("'")
        .append(
            config.passwordGenerated()
                ? " (generated; set FORUM_ORGANISER_PASSWORD to choose one)"
                : " (FORUM_ORGANISER_PASSWORD)")
        .append('\n');
    out.append("  moderator     user 'moderator', password '")
        .append(config.moderatorPassword())
        .append("'; analyst: user 'analyst', password '")
        .append(config.analystPassword())
        .append("'\n");
    out.append("  demo forum    ").append(forumId.orElse("(none)")).append('\n');
    out.append("  demo data     ").append(demoLine).append('\n');
    out.append("  kafka         ").append(bootstrap).append('\n');
    out.append("  mongodb       ").append(mongoUri).append('\n');
    out.append("  data folder   ")
        .append(config.dataDir())
        .append(
            config.startsEmbeddedKafka() || config.startsEmbeddedMongo()
                ? ""
                : " (unused: external Kafka and MongoDB)")
        .append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "  started in    %.1f s from launch to all services serving%n",
            readySeconds));
    residentMegabytes()
        .ifPresent(mb -> out.append("  memory        ").append(mb).append(" MB resident\n"));
    out.append("  Ctrl-C stops everything.\n");
    out.append("===========================================================\n");
    System.out.print(out);
    System.out.flush();
  }

  /** Shutdown hook: the services, then Kafka, then Mongo; no stack traces. */
  void stop() {
    if (stopping) {
      return;
    }
    stopping = true;
    say("Stopping ...");
    if (services != null) {
      quietly("services", services::close);
    }
    if (kafka != null) {
      // The broker's own clients complain about closing twice; nobody needs to read that.
      LoggingSystem logging = LoggingSystem.get(LocalStack.class.getClassLoader());
      logging.setLogLevel("org.apache.kafka", LogLevel.ERROR);
      logging.setLogLevel("kafka", LogLevel.ERROR);
      quietly("Kafka", kafka::close);
    }
    if (mongo != null) {
      quietly("Mongo", mongo::close);
    }
    say("Stopped. Data kept in " + config.dataDir());
    stopped.countDown();
    LoggingSystem.get(LocalStack.class.getClassLoader()).getShutdownHandler().run();
  }

  private static Optional<String> existingForumQuietly(DemoData demo) {
    try {
      return demo.existingForum();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private interface Starter<T> {
    T start() throws Exception;
  }

  private static <T> T bind(String what, String variable, Starter<T> starter) throws Exception {
    try {
      return starter.start();
    } catch (Exception e) {
      if (hasCause(e, BindException.class)) {
        throw new IllegalStateException(
            what
                + " cannot listen: port in use (another local stack running?). Stop it, or set "
                + variable,
            e);
      }
      throw e;
    }
  }

  private static void quietly(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      System.err.println("local-stack: stopping " + what + ": " + describe(e));
    }
  }

  /** Boot's console logging from the first line on; Kafka's chatter at WARN in every context. */
  static void configureLogging() {
    for (String logger : QUIET_LOGGERS) {
      System.setProperty("logging.level." + logger, "WARN");
    }
    LoggingSystem logging = LoggingSystem.get(LocalStack.class.getClassLoader());
    logging.beforeInitialize();
    logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    for (String logger : QUIET_LOGGERS) {
      logging.setLogLevel(logger, LogLevel.WARN);
    }
    // "Performing controller activation" and friends: a single-node broker's normal life;
    // the Mongo server logs every connection, and warns each time it skips a non-unique index
    // (it builds unique indexes only; the others would only speed up queries).
    quiet("org.apache.kafka.controller", LogLevel.ERROR, logging);
    quiet("de.bwaldvogel.mongo", LogLevel.WARN, logging);
    quiet("de.bwaldvogel.mongo.backend.AbstractMongoDatabase", LogLevel.ERROR, logging);
  }

  private static void quiet(String logger, LogLevel level, LoggingSystem logging) {
    System.setProperty("logging.level." + logger, level.name());
    logging.setLogLevel(logger, level);
  }

  static Optional<Long> residentMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return Optional.of(kb / 1024);
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    return Optional.empty();
  }

  private static double secondsSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1e9;
  }

  private static double uptimeSeconds() {
    return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      sb.append(" (cause: ")
          .append(root.getClass().getSimpleName())
          .append(": ")
          .append(root.getMessage())
          .append(')');
    }
    return sb.toString();
  }

  private static void say(String line) {
    System.out.println("[local-stack] " + line);
  }
}
