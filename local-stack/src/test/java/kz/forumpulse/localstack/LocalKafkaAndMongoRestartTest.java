package kz.forumpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded infrastructure keeps its data across a stop and a start on the same folder. */
class LocalKafkaAndMongoRestartTest {

  @TempDir Path dataDir;

  @Test
  void kafkaKeepsRecordsAndTopicsAcrossRestart() throws Exception {
    Path logDir = dataDir.resolve("kafka");
    int port = freePort();
    int controllerPort = freePort();
    String value = "registered-" + UUID.randomUUID();

    try (LocalKafka kafka = LocalKafka.start(logDir, port, controllerPort)) {
      assertThat(LocalKafka.createTopics(kafka.bootstrapServers(), LocalKafka.TOPICS))
          .containsExactlyInAnyOrderElementsOf(LocalKafka.TOPICS);
      try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
        producer.send(new ProducerRecord<>("forum-pulse.attendees", "forum-1", value)).get();
      }
    }
    assertThat(LocalKafka.isFormatted(logDir)).isTrue();

    try (LocalKafka kafka = LocalKafka.start(logDir, port, controllerPort)) {
      // The topics survived: nothing left to create.
      assertThat(LocalKafka.createTopics(kafka.bootstrapServers(), LocalKafka.TOPICS)).isEmpty();
      assertThat(readAll(kafka.bootstrapServers(), "forum-pulse.attendees", 1))
          .containsExactly(value);
    }
  }

  @Test
  void mongoKeepsDocumentsAcrossRestart() throws Exception {
    String connection;
    try (LocalMongo mongo = LocalMongo.start(dataDir, "127.0.0.1", 0)) {
      connection = mongo.connectionString();
      try (MongoClient client = MongoClients.create(connection)) {
        forums(client).insertOne(new Document("_id", "forum-1").append("titleRu", "Форум"));
      }
    }
    assertThat(dataDir.resolve(LocalMongo.FILE_NAME)).isRegularFile();

    try (LocalMongo mongo = LocalMongo.start(dataDir, "127.0.0.1", 0);
        MongoClient client = MongoClients.create(mongo.connectionString())) {
      Document forum = forums(client).find(new Document("_id", "forum-1")).first();
      assertThat(forum).isNotNull();
      assertThat(forum.getString("titleRu")).isEqualTo("Форум");
    }
  }

  private static MongoCollection<Document> forums(MongoClient client) {
    return client.getDatabase("restart-check").getCollection("forums");
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static List<String> readAll(String bootstrap, String topic, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-check-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }

  private static int freePort() {
    return FreePorts.next();
  }
}
