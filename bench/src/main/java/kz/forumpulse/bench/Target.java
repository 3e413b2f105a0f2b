package kz.forumpulse.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kz.forumpulse.localstack.FreePorts;
import kz.forumpulse.localstack.LocalKafka;
import kz.forumpulse.localstack.LocalMongo;
import kz.forumpulse.localstack.LocalStackConfig;
import kz.forumpulse.localstack.Services;
import kz.forumpulse.mongoemulator.InProcessMongoClients;
import kz.forumpulse.mongoemulator.NarrowingMemoryBackend;

/**
 * What the benchmark drives: the local stack started in this JVM (the default: embedded KRaft
 * broker, mongo-java-server with its memory backend, the three services, no demo data, free ports),
 * or a stack already running elsewhere ({@code BENCH_TARGET_*} URLs).
 */
final class Target implements AutoCloseable {

  final String registration;
  final String feedback;
  final String reporting;
  final String password;

  /** Kafka bootstrap servers and Mongo URI, when known (always in-process). */
  final Optional<String> kafka;

  final Optional<String> mongoUri;

  /** The pid whose resident memory is the stack's; this JVM when in-process. */
  final Optional<Long> pid;

  final boolean inProcess;
  final String description;

  /**
   * Commands the database received so far, by command and collection; empty when not known (a stack
   * elsewhere, or another backend than the emulator's memory backend).
   */
  final Supplier<Map<String, Long>> dbCommands;

  /** The backend behind {@link #mongoUri} when the services reach it without a socket. */
  private final Optional<MongoBackend> inProcessMongo;

  private final AutoCloseable[] resources;

  private Target(
      String registration,
      String feedback,
      String reporting,
      String password,
      Optional<String> kafka,
      Optional<String> mongoUri,
      Optional<Long> pid,
      boolean inProcess,
      String description,
      Supplier<Map<String, Long>> dbCommands,
      Optional<MongoBackend> inProcessMongo,
      AutoCloseable... resources) {
    this.registration = registration;
    this.feedback = feedback;
    this.reporting = reporting;
    this.password = password;
    this.kafka = kafka;
    this.mongoUri = mongoUri;
    this.pid = pid;
    this.inProcess = inProcess;
    this.description = description;
    this.dbCommands = dbCommands;
    this.inProcessMongo = inProcessMongo;
    this.resources = resources;
  }

  static Target remote(Settings s) {
    return new Target(
        s.string("TARGET_REGISTRATION", "http://localhost:8081"),
        s.string("TARGET_FEEDBACK", "http://localhost:8082"),
        s.string("TARGET_REPORTING", "http://localhost:8083"),
        s.string(
            "ORGANISER_PASSWORD", System.getenv().getOrDefault("FORUM_ORGANISER_PASSWORD", "")),
        Optional.ofNullable(emptyToNull(System.getenv("KAFKA_BOOTSTRAP_SERVERS"))),
        Optional.ofNullable(emptyToNull(System.getenv("MONGODB_URI"))),
        Optional.ofNullable(emptyToNull(s.string("STACK_PID", ""))).map(Long::parseLong),
        false,
        "running stack at " + s.string("TARGET_REGISTRATION", "http://localhost:8081"),
        Map::of,
        Optional.empty());
  }

  static Target inProcess(Settings s) throws Exception {
    Path data = Path.of(s.string("DATA_DIR", "bench/target/bench-data")).toAbsolutePath();
    deleteRecursively(data);
    Files.createDirectories(data);
    String backend = s.string("MONGO_BACKEND", "memory");

    AutoCloseable mongoResource;
    String mongoUri;
    Supplier<Map<String, Long>> dbCommands = Map::of;
    // "false": the services use the driver's socket to the server's port, as before ADR 0014.
    boolean socketless = !"false".equals(s.string("MONGO_IN_PROCESS", "true"));
    MongoBackend mongoBackend;
    int mongoPort = freePort();
    if ("h2".equals(backend)) {
      LocalMongo mongo = LocalMongo.start(data, "127.0.0.1", mongoPort);
      mongoResource = mongo;
      mongoUri = mongo.connectionString();
      mongoBackend = mongo.backend();
    } else {
      // "memory-stock": mongo-java-server as shipped, which scans for every compare-and-set.
      if ("memory-stock".equals(backend)) {
        mongoBackend = new MemoryBackend();
      } else {
        NarrowingMemoryBackend narrowing = new NarrowingMemoryBackend();
        dbCommands = narrowing::commandCounts;
        mongoBackend = narrowing;
      }
      MongoServer server = new MongoServer(mongoBackend);
      server.bind("127.0.0.1", mongoPort);
      mongoResource = server::shutdownNow;
      mongoUri = "mongodb://127.0.0.1:" + mongoPort;
    }
    Optional<MongoBackend> inProcessMongo =
        socketless ? Optional.of(mongoBackend) : Optional.empty();
    LocalKafka kafka = LocalKafka.start(data.resolve("kafka"), freePort(), freePort());
    LocalKafka.createTopics(kafka.bootstrapServers(), LocalKafka.TOPICS);

    String password = s.string("ORGANISER_PASSWORD", "bench-organiser-password");
    LocalStackConfig config =
        new LocalStackConfig(
            data,
            Optional.of(kafka.bootstrapServers()),
            Optional.of(mongoUri),
            0,
            0,
            mongoPort,
            freePort(),
            freePort(),
            freePort(),
            password,
            false,
            "bench-moderator-password",
            "bench-analyst-password",
            false,
            socketless);
    // The three services; the web front-end (a proxy on a fixed port) is not part of what is
    // measured and would clash with a local stack someone else runs.
    List<Services.Service> measured =
        Services.of(config).stream().filter(svc -> !svc.name().equals("web")).toList();
    Services services =
        Services.start(measured, kafka.bootstrapServers(), mongoUri, inProcessMongo, config);
    return new Target(
        "http://localhost:" + config.registrationPort(),
        "http://localhost:" + config.feedbackPort(),
        "http://localhost:" + config.reportingPort(),
        password,
        Optional.of(kafka.bootstrapServers()),
        Optional.of(mongoUri),
        Optional.of(ProcessHandle.current().pid()),
        true,
        "local stack in this JVM (Kafka KRaft, mongo-java-server "
            + backend
            + " backend, "
            + (socketless ? "reached in-process" : "over loopback TCP")
            + ")",
        dbCommands,
        inProcessMongo,
        services,
        kafka,
        mongoResource);
  }

  /**
   * A client of the stack's database the way its services reach it: without a socket when they do,
   * so the raw sink, the limit the rebuild is held to, gets the same transport.
   */
  MongoClient mongoClient() {
    return inProcessMongo
        .map(InProcessMongoClients::create)
        .orElseGet(() -> MongoClients.create(mongoUri.orElseThrow()));
  }

  /** Resident memory of the stack's process in MB, from /proc. */
  Optional<Long> residentMegabytes() {
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid.get() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // unknown
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception ignored) {
        // best effort
      }
    }
  }

  static int freePort() {
    return FreePorts.next();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
