package kz.forumpulse.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.Locale;
import kz.forumpulse.mongoemulator.NarrowingMemoryBackend;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Kafka broker and MongoDB server every integration test in one JVM shares.
 *
 * <p>Where Docker runs, these are the real images (Testcontainers); elsewhere a real KRaft broker
 * and mongo-java-server run in-process. Tests do not know which: they get a bootstrap address and a
 * connection string, so the same tests prove the same behaviour in both modes. Set {@code
 * FORUM_TEST_INFRA=embedded} or {@code containers} to force a mode.
 */
public final class TestInfrastructure {

  public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
  public static final String MONGO_IMAGE = "mongo:8.0";

  private static volatile TestInfrastructure instance;

  private final Mode mode;
  private final String kafkaBootstrapServers;
  private final String mongoUri;

  /** Which infrastructure backs this JVM's tests. */
  public enum Mode {
    CONTAINERS,
    EMBEDDED
  }

  private TestInfrastructure(Mode mode, String kafkaBootstrapServers, String mongoUri) {
    this.mode = mode;
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.mongoUri = mongoUri;
  }

  /** Starts the infrastructure on first use; later calls return the same one. */
  public static TestInfrastructure get() {
    TestInfrastructure local = instance;
    if (local == null) {
      synchronized (TestInfrastructure.class) {
        local = instance;
        if (local == null) {
          local = start(chooseMode());
          instance = local;
        }
      }
    }
    return local;
  }

  public Mode mode() {
    return mode;
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  public String mongoUri() {
    return mongoUri;
  }

  static Mode chooseMode() {
    String forced = System.getenv("FORUM_TEST_INFRA");
    if (forced != null && !forced.isBlank()) {
      return Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
    }
    return dockerAvailable() ? Mode.CONTAINERS : Mode.EMBEDDED;
  }

  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | Error e) {
      return false;
    }
  }

  private static TestInfrastructure start(Mode mode) {
    return switch (mode) {
      case CONTAINERS -> startContainers();
      case EMBEDDED -> startEmbedded();
    };
  }

  private static TestInfrastructure startContainers() {
    KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
    MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE));
    kafka.start();
    mongo.start();
    // Containers are reaped by Ryuk when the JVM exits.
    return new TestInfrastructure(
        Mode.CONTAINERS, kafka.getBootstrapServers(), mongo.getConnectionString());
  }

  private static TestInfrastructure startEmbedded() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
    broker.brokerProperty("auto.create.topics.enable", "true");
    broker.brokerProperty("num.partitions", "6");
    broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
    broker.brokerProperty("log.retention.ms", "-1");
    broker.afterPropertiesSet();
    MongoServer mongo = new MongoServer(new NarrowingMemoryBackend());
    InetSocketAddress address = mongo.bind();
    // Deliberately never stopped: Spring closes its cached test contexts in a JVM shutdown hook,
    // and their consumers and producers need a live broker to close quickly. The broker and
    // server die with the JVM; the broker's temporary log directories are small.
    return new TestInfrastructure(
        Mode.EMBEDDED,
        broker.getBrokersAsString(),
        "mongodb://" + address.getHostString() + ":" + address.getPort());
  }
}
