package kz.forumpulse.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kz.forumpulse.feedback.FeedbackApplication;
import kz.forumpulse.registration.RegistrationApplication;
import kz.forumpulse.reporting.ReportingApplication;
import kz.forumpulse.support.LoggingStartupLock;
import kz.forumpulse.web.WebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The three services as separate Spring contexts in this JVM. Each one picks its own config file
 * (registration.yml, feedback.yml, reporting.yml) through its {@code builder()}, so they share the
 * classpath without reading each other's settings.
 */
public final class Services implements AutoCloseable {

  /** One service: its name, how to build it, its HTTP port. */
  public record Service(String name, Supplier<SpringApplicationBuilder> builder, int port) {}

  static final String WEB = "web";
  static final String REPORTING = "reporting-service";

  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  public static List<Service> of(LocalStackConfig config) {
    return List.of(
        new Service(
            "registration-service", RegistrationApplication::builder, config.registrationPort()),
        new Service("feedback-service", FeedbackApplication::builder, config.feedbackPort()),
        new Service(REPORTING, ReportingApplication::builder, config.reportingPort()),
        new Service(WEB, WebApplication::builder, webPort()));
  }

  /** The web interface's port: {@code WEB_PORT}, 8080 by default. */
  public static int webPort() {
    String value = System.getenv("WEB_PORT");
    if (value == null || value.isBlank()) {
      return 8080;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("WEB_PORT must be a port number, was '" + value + "'");
    }
  }

  /**
   * Command-line style arguments a service gets: where Kafka and Mongo are, its port, the password.
   */
  static String[] arguments(
      String kafkaBootstrap, String mongoUri, int port, LocalStackConfig config) {
    return new String[] {
      "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrap,
      "--spring.kafka.bootstrap-servers=" + kafkaBootstrap,
      "--spring.mongodb.uri=" + mongoUri,
      "--server.port=" + port,
      "--forum.security.organiser-password=" + config.organiserPassword(),
      "--forum.security.moderator-password=" + config.moderatorPassword(),
      "--forum.security.analyst-password=" + config.analystPassword(),
      // The launcher owns shutdown (contexts, then Kafka, then Mongo) and the console.
      "--logging.register-shutdown-hook=false",
      "--spring.main.banner-mode=off",
      // One console for three services: a per-service name in the pattern would show the first.
      "--logging.include-application-name=false",
      // The web app's proxy targets (the services ignore these).
      "--forum.web.registration-url=http://localhost:" + config.registrationPort(),
      "--forum.web.feedback-url=http://localhost:" + config.feedbackPort(),
      "--forum.web.reporting-url=http://localhost:" + config.reportingPort(),
    };
  }

  /**
   * Request threads of the three services. They share this JVM's cores with the broker and the
   * database, and their requests are CPU work (the database is in-process). With Tomcat's 200
   * threads each, a burst of writes leaves the outbox relays and the consumers a sliver of CPU and
   * freshness collapses; measured on 2 cores at 500 writes/s offered, freshness p50 was 11 s with
   * 200 threads, 4.8 s with 16, 0.8 s with 6, 0.2 s with 2 per service, while the writes accepted
   * stayed within the run-to-run spread (docs/benchmark.md). So the write services get one thread
   * per core (at least two); the rest wait in the accept queue. reporting-service mostly serves
   * reads to several screens at once and takes no writes from participants: with 2 threads its FAQ
   * report p99 rose from 18 to 24 ms under 4 concurrent readers, so it keeps 8 (or one per core).
   * Not for the web app: its proxy holds a thread per open live stream. {@code SERVER_THREADS} sets
   * all three.
   */
  static String[] arguments(
      Service service, String kafkaBootstrap, String mongoUri, LocalStackConfig config) {
    String[] common = arguments(kafkaBootstrap, mongoUri, service.port(), config);
    if (WEB.equals(service.name())) {
      return common;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = REPORTING.equals(service.name()) ? Math.max(8, cores) : Math.max(2, cores);
    return Stream.concat(
            Arrays.stream(common),
            Stream.of("--server.tomcat.threads.max=${SERVER_THREADS:" + threads + "}"))
        .toArray(String[]::new);
  }

  /**
   * Request threads of the write services run below normal priority: when the cores are saturated,
   * what was already accepted (outbox relays, consumers, the broker) goes before taking in more.
   * The JVM applies Java thread priorities on Linux only with {@code -XX:ThreadPriorityPolicy=1}
   * (bench/run sets it; lowering a priority needs no privilege); without it this changes nothing.
   * {@code forum.local-stack.intake-thread-priority} (or {@code
   * FORUM_LOCAL_STACK_INTAKE_THREAD_PRIORITY}) = 5 turns it off.
   */
  static void intakeBelowPipeline(Service service, ConfigurableApplicationContext context) {
    if (WEB.equals(service.name())
        || REPORTING.equals(service.name())
        || !(context instanceof GenericApplicationContext generic)) {
      return;
    }
    int priority =
        context
            .getEnvironment()
            .getProperty(
                "forum.local-stack.intake-thread-priority", Integer.class, Thread.MIN_PRIORITY);
    generic.registerBean(
        "intakeThreadPriority",
        TomcatConnectorCustomizer.class,
        () -> connector -> connector.setProperty("threadPriority", String.valueOf(priority)));
  }

  /** The services (not the web app, which has no database) get the in-process client. */
  static void inProcessMongo(
      Service service, ConfigurableApplicationContext context, Optional<MongoBackend> backend) {
    if (backend.isPresent()
        && !WEB.equals(service.name())
        && context instanceof GenericApplicationContext generic) {
      InProcessMongo.register(generic, backend.get());
    }
  }

  /**
   * Starts all services in parallel and returns once every one is serving. With {@code
   * inProcessMongo} they reach that backend (the server behind {@code mongoUri}) without a socket.
   */
  public static Services start(
      List<Service> services,
      String kafkaBootstrap,
      String mongoUri,
      Optional<MongoBackend> inProcessMongo,
      LocalStackConfig config)
      throws Exception {
    Services started = new Services();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            services.size(),
            r -> {
              Thread t = new Thread(r);
              t.setName("local-stack-start");
              return t;
            });
    try {
      List<Future<ConfigurableApplicationContext>> futures = new ArrayList<>();
      for (Service service : services) {
        String[] args = arguments(service, kafkaBootstrap, mongoUri, config);
        futures.add(
            pool.submit(
                () -> {
                  Thread.currentThread().setName(service.name());
                  // The web app has no service-support on its own classpath: lock explicitly.
                  return service
                      .builder()
                      .get()
                      .listeners(LoggingStartupLock.listeners())
                      .initializers(
                          context -> {
                            intakeBelowPipeline(service, context);
                            inProcessMongo(service, context, inProcessMongo);
                          })
                      .registerShutdownHook(false)
                      .run(args);
                }));
      }
      Exception failure = null;
      for (int i = 0; i < futures.size(); i++) {
        try {
          started.contexts.add(futures.get(i).get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          if (failure == null) {
            failure =
                new IllegalStateException(
                    services.get(i).name() + " did not start: " + cause, cause);
          }
        }
      }
      if (failure != null) {
        started.close();
        throw failure;
      }
      return started;
    } finally {
      pool.shutdown();
    }
  }

  /** Closes the contexts in parallel and waits for all of them. */
  @Override
  public void close() {
    List<Thread> closers = new ArrayList<>();
    for (ConfigurableApplicationContext context : contexts) {
      Thread t =
          new Thread(
              () -> {
                try {
                  context.close();
                } catch (RuntimeException ignored) {
                  // keep closing the others
                }
              },
              "close-" + context.getId());
      t.start();
      closers.add(t);
    }
    for (Thread t : closers) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    contexts.clear();
  }
}
