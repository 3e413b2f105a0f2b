package kz.forumpulse.systemtests.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import kz.forumpulse.feedback.FeedbackApplication;
import kz.forumpulse.localstack.FreePorts;
import kz.forumpulse.localstack.LocalKafka;
import kz.forumpulse.localstack.LocalMongo;
import kz.forumpulse.registration.RegistrationApplication;
import kz.forumpulse.reporting.ReportingApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole product on infrastructure that can be broken on purpose: a real KRaft broker ({@link
 * LocalKafka}) and a MongoDB wire-protocol server keeping its data in an H2 file ({@link
 * LocalMongo}), both on fixed ports so they come back at the same address, and the three services
 * as Spring contexts in this JVM (plus, for the kill scenario, a reporting-service in a JVM of its
 * own: {@link ReportingProcess}). One per JVM, started on first use and shared by every fault
 * scenario.
 */
final class FaultyStack {

  private static final Logger log = LoggerFactory.getLogger(FaultyStack.class);

  static final String ORGANISER_PASSWORD = "fault-organiser";
  static final String REGISTRATION_DB = "fault_registration";
  static final String FEEDBACK_DB = "fault_feedback";
  static final String REPORTING_DB = "fault_reporting";
  static final String REPORTING_GROUP = "reporting-service";

  private static FaultyStack shared;

  private final Path dir;
  private final int kafkaPort = freePort();
  private final int controllerPort = freePort();
  private final int mongoPort = freePort();
  private volatile LocalKafka kafka;
  private volatile LocalMongo mongo;

  volatile ConfigurableApplicationContext registration;
  volatile ConfigurableApplicationContext feedback;
  volatile ConfigurableApplicationContext reporting;

  private FaultyStack() throws Exception {
    dir = Files.createTempDirectory("forum-pulse-faults");
    startKafka();
    LocalKafka.createTopics(bootstrapServers(), LocalKafka.TOPICS);
    startMongo();
    List<CompletableFuture<ConfigurableApplicationContext>> starting =
        List.of(
            async(this::startRegistration),
            async(this::startFeedback),
            async(() -> startReporting(REPORTING_DB, REPORTING_GROUP)));
    registration = starting.get(0).join();
    feedback = starting.get(1).join();
    reporting = starting.get(2).join();
  }

  /**
   * Runs on a thread of its own: the common pool has a single worker on a 2-core machine, which
   * would start the services one after the other.
   */
  static <T> CompletableFuture<T> async(Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(work.get());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            },
            "faulty-stack-worker");
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  static synchronized FaultyStack get() {
    if (shared == null) {
      try {
        shared = new FaultyStack();
      } catch (Exception e) {
        throw new IllegalStateException("fault stack did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::closeQuietly, "faulty-stack-stop"));
    }
    return shared;
  }

  /** Stops the services (in parallel), then the broker and the database. */
  static synchronized void stopShared() {
    if (shared != null) {
      shared.closeQuietly();
    }
  }

  String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  /**
   * Short server-selection and connect timeouts: with the database down a request fails within
   * seconds (503) instead of hanging for the driver's default 30 s.
   */
  String mongoUri() {
    return "mongodb://127.0.0.1:"
        + mongoPort
        + "/?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000&socketTimeoutMS=10000";
  }

  String registrationUrl() {
    return baseUrl(registration);
  }

  String feedbackUrl() {
    return baseUrl(feedback);
  }

  String reportingUrl() {
    return baseUrl(reporting);
  }

  // --- infrastructure faults ---------------------------------------------------------------

  synchronized void stopKafka() {
    log.info("FAULT: stopping the Kafka broker");
    kafka.close();
    kafka = null;
  }

  synchronized void startKafka() throws Exception {
    kafka = LocalKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort);
    log.info("Kafka broker up at {}", bootstrapServers());
  }

  synchronized void stopMongo() {
    log.info("FAULT: stopping the MongoDB server");
    mongo.close();
    mongo = null;
  }

  synchronized void startMongo() throws Exception {
    mongo = LocalMongo.start(dir.resolve("mongo"), "127.0.0.1", mongoPort);
    log.info("MongoDB server up at {}", mongo.connectionString());
  }

  // --- services ----------------------------------------------------------------------------

  ConfigurableApplicationContext startRegistration() {
    return start(RegistrationApplication::builder, REGISTRATION_DB);
  }

  ConfigurableApplicationContext startFeedback() {
    return start(FeedbackApplication::builder, FEEDBACK_DB);
  }

  /** A reporting-service on its own database and consumer group (every binding). */
  ConfigurableApplicationContext startReporting(String database, String group, String... extra) {
    return start(ReportingApplication::builder, reportingArgs(database, 0, group, extra));
  }

  /**
   * A reporting-service of the live database and group in a JVM of its own, so that it can be
   * killed for real. It gets exactly the settings of the in-JVM instance, then {@code extra}.
   */
  ReportingProcess startReportingProcess(String group, String... extra) throws IOException {
    // A port known up front: its health and metrics are read from outside.
    int port = freePort();
    List<String> args = reportingArgs(REPORTING_DB, port, group, extra);
    return ReportingProcess.start(args, port, FaultSettings.targetDirectory());
  }

  private List<String> reportingArgs(String database, int port, String group, String... extra) {
    List<String> args = serviceArgs(database, port);
    args.add("--spring.cloud.stream.bindings.attendees-in-0.group=" + group);
    args.add("--spring.cloud.stream.bindings.questions-in-0.group=" + group);
    args.add("--spring.cloud.stream.bindings.curation-in-0.group=" + group);
    args.addAll(Arrays.asList(extra));
    return args;
  }

  private ConfigurableApplicationContext start(
      Supplier<SpringApplicationBuilder> builder, String database) {
    return start(builder, serviceArgs(database, 0));
  }

  private static ConfigurableApplicationContext start(
      Supplier<SpringApplicationBuilder> builder, List<String> args) {
    return builder.get().registerShutdownHook(false).run(args.toArray(String[]::new));
  }

  /** The settings every service gets; port 0: any free port. */
  private List<String> serviceArgs(String database, int port) {
    List<String> args = new ArrayList<>();
    args.add("--spring.cloud.stream.kafka.binder.brokers=" + bootstrapServers());
    args.add("--spring.kafka.bootstrap-servers=" + bootstrapServers());
    args.add("--spring.mongodb.uri=" + mongoUri());
    args.add("--spring.mongodb.database=" + database);
    args.add("--server.port=" + port);
    args.add("--forum.security.organiser-password=" + ORGANISER_PASSWORD);
    args.add("--forum.security.moderator-password=fault-moderator");
    args.add("--forum.security.analyst-password=fault-analyst");
    args.add("--spring.main.banner-mode=off");
    // The load comes from this machine: per-client rate limits would measure themselves.
    args.add("--forum.rate-limits.exempt-loopback=true");
    // Sees a stopped broker within the shortest outage of the verify run.
    args.add("--forum.health.kafka.interval=2s");
    // Outages make every client log each reconnect attempt; the scenario logs what matters.
    args.add("--logging.level.org.apache.kafka=ERROR");
    args.add("--logging.level.kafka=ERROR");
    args.add("--logging.level.org.mongodb.driver=ERROR");
    return args;
  }

  static String baseUrl(ConfigurableApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return "http://127.0.0.1:" + port;
  }

  private synchronized void closeQuietly() {
    List<CompletableFuture<Object>> closing = new ArrayList<>();
    for (ConfigurableApplicationContext c : Arrays.asList(registration, feedback, reporting)) {
      if (c != null && c.isActive()) {
        closing.add(
            async(
                () -> {
                  c.close();
                  return null;
                }));
      }
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
          .get(90, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("services did not all stop: {}", e.toString());
    }
    registration = feedback = reporting = null;
    try {
      if (kafka != null) {
        kafka.close();
        kafka = null;
      }
      if (mongo != null) {
        mongo.close();
        mongo = null;
      }
    } catch (RuntimeException ignored) {
      // shutting down anyway
    }
  }

  static int freePort() {
    return FreePorts.next();
  }
}
