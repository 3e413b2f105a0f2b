package kz.forumpulse.localstack;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka KRaft broker (broker and controller in one) running inside this JVM.
 *
 * <p>The log directory is formatted once; a later start on the same directory reuses it, so every
 * topic keeps its whole history (retention is unlimited) and the reporting service can rebuild its
 * reports by replay.
 */
public final class LocalKafka implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

  /** Topics of the product, created up front with unlimited retention. */
  public static final List<String> TOPICS =
      List.of("forum-pulse.forums", "forum-pulse.attendees", "forum-pulse.questions");

  public static final int TOPIC_PARTITIONS = 6;

  private static final String HOST = "127.0.0.1";
  private static final int NODE_ID = 1;

  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  private LocalKafka(Path logDir, int port, int controllerPort) {
    this.logDir = logDir;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /**
   * Formats {@code logDir} if it holds no Kafka data yet, starts the broker and waits until it
   * answers.
   */
  public static LocalKafka start(Path logDir, int port, int controllerPort) throws Exception {
    LocalKafka kafka = new LocalKafka(logDir.toAbsolutePath(), port, controllerPort);
    kafka.doStart();
    return kafka;
  }

  /** {@code host:port} for clients. */
  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public Path logDir() {
    return logDir;
  }

  /** True when the directory already holds a formatted Kafka log directory. */
  public static boolean isFormatted(Path logDir) {
    return Files.isRegularFile(logDir.resolve("meta.properties"));
  }

  Properties brokerProperties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // One node: every replication factor and ISR is 1.
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "6");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "6");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // Keep the whole history: the reporting service rebuilds by replay.
    p.put("log.retention.ms", "-1");
    p.put("log.retention.bytes", "-1");
    p.put("auto.create.topics.enable", "true");
    p.put("num.partitions", String.valueOf(TOPIC_PARTITIONS));
    p.put("group.initial.rebalance.delay.ms", "0");
    // A laptop-sized broker: fewer threads, smaller buffers.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("num.replica.fetchers", "1");
    p.put("log.cleaner.threads", "1");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
    return p;
  }

  private void doStart() throws Exception {
    Files.createDirectories(logDir);
    KafkaConfig config = KafkaConfig.fromProps(brokerProperties(), false);
    if (isFormatted(logDir)) {
      log.info("Reusing Kafka log directory {}", logDir);
    } else {
      format(config);
      log.info("Formatted Kafka log directory {}", logDir);
    }
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    awaitReady(Duration.ofSeconds(30));
  }

  /** What {@code kafka-storage.sh format} does, without the tool's System.exit. */
  private void format(KafkaConfig config) throws Exception {
    String clusterId = Uuid.randomUuid().toString();
    Formatter formatter =
        new Formatter()
            .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
            .setNodeId(config.nodeId())
            .setClusterId(clusterId)
            .setUnstableFeatureVersionsEnabled(false)
            .setIgnoreFormatted(true)
            .setControllerListenerName(config.controllerListenerNames().get(0))
            .setMetadataLogDirectory(config.metadataLogDir())
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
            .setHasDynamicQuorum(false);
    formatter.addDirectory(logDir.toString());
    formatter.run();
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try (Admin admin = admin(bootstrapServers())) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        last = e;
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("Kafka did not come up within " + timeout, last);
  }

  /**
   * Creates the product's topics that do not exist yet: {@value #TOPIC_PARTITIONS} partitions,
   * unlimited retention. Returns the names created.
   */
  public static List<String> createTopics(String bootstrapServers, Collection<String> topics)
      throws Exception {
    List<String> created = new ArrayList<>();
    try (Admin admin = admin(bootstrapServers)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : topics) {
        if (!existing.contains(topic)) {
          missing.add(
              new NewTopic(topic, TOPIC_PARTITIONS, (short) 1)
                  .configs(
                      Map.of(
                          TopicConfig.RETENTION_MS_CONFIG, "-1",
                          TopicConfig.RETENTION_BYTES_CONFIG, "-1")));
        }
      }
      if (missing.isEmpty()) {
        return created;
      }
      var results = admin.createTopics(missing).values();
      for (var entry : results.entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
          created.add(entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
    return created;
  }

  private static Admin admin(String bootstrapServers) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-admin");
    return Admin.create(p);
  }

  /** Stops the broker and waits until it has closed its logs. */
  @Override
  public void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }
}
