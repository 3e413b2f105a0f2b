package kz.forumpulse.registration.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.events.Topics;
import kz.forumpulse.registration.RegistrationIntegrationTest;
import kz.forumpulse.registration.SwitchablePublisher;
import kz.forumpulse.registration.TestApi;
import kz.forumpulse.support.outbox.EventPublisher;
import kz.forumpulse.support.outbox.KafkaPublishing;
import kz.forumpulse.support.outbox.OutboxEntry;
import kz.forumpulse.support.outbox.OutboxRelay;
import kz.forumpulse.testsupport.EventProbe;
import kz.forumpulse.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No loss, no phantom: registrations are accepted while the broker is unreachable and their events
 * follow when it is back; an event stored but never published (the process died) is published by
 * the next relay; a publish whose acknowledgement was lost is published again with the same id.
 */
@RegistrationIntegrationTest
class DeliveryGuaranteesTest {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;
  @Autowired SwitchablePublisher broker;
  @Autowired Environment env;

  String forumId;

  @BeforeEach
  void forumWithItsEventPublished() throws Exception {
    broker.set(SwitchablePublisher.Mode.UP);
    forumId = TestApi.createForum(mvc, null);
    TestApi.awaitOutboxesDrained(mongo);
  }

  @AfterEach
  void brokerBack() {
    broker.set(SwitchablePublisher.Mode.UP);
  }

  @Test
  void acceptsRegistrationsWhileKafkaIsDownAndDeliversWhenItReturns() throws Exception {
    broker.set(SwitchablePublisher.Mode.DOWN);
    int failuresBefore = broker.failures();

    String body = TestApi.register(mvc, forumId);
    String participantId = JsonPath.read(body, "$.id");
    assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("REGISTERED");

    // The relay tried and failed; the event waits in the registration's own document.
    await().atMost(Duration.ofSeconds(30)).until(() -> broker.failures() > failuresBefore);
    List<Document> pending = outboxOf(participantId);
    assertThat(pending).hasSize(1);
    String eventId = pending.get(0).getString("eventId");

    broker.set(SwitchablePublisher.Mode.UP);

    List<ConsumerRecord<String, byte[]>> delivered = recordsWithEventId(eventId, 1);
    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0).key()).isEqualTo(forumId);
    await().atMost(Duration.ofSeconds(30)).until(() -> outboxOf(participantId).isEmpty());
  }

  @Test
  void anEventStoredButNeverPublishedIsDeliveredByTheNextProcessWithItsId() throws Exception {
    // The running relay stands for the process that died: it can no longer publish anything.
    broker.set(SwitchablePublisher.Mode.DOWN);
    String participantId = UUID.randomUUID().toString();
    UUID eventId = UUID.randomUUID();
    ParticipantRegistered event =
        new ParticipantRegistered(
            eventId,
            ParticipantRegistered.VERSION,
            Instant.now(),
            ForumId.of(forumId),
            ParticipantId.of(participantId),
            "hash-" + participantId,
            "Crash Test",
            "GUEST",
            "TEREKTI",
            null,
            false,
            false,
            "ru",
            "REGISTERED",
            List.of());
    // Exactly what the service had written before dying: the registration with its pending event.
    mongo.insert(
        new Document("_id", participantId)
            .append("forumId", forumId)
            .append("status", "REGISTERED")
            .append("contactKey", "tel:+7700" + (1_000_000 + (int) (Math.random() * 8_999_999)))
            .append("accessCodeHash", "hash-" + participantId)
            .append(
                "outbox",
                List.of(
                    new Document("eventId", eventId.toString())
                        .append("topic", Topics.ATTENDEES)
                        .append("key", forumId)
                        .append("type", "ParticipantRegistered")
                        .append("payload", EventCodec.encodeToString(event))
                        .append("createdAt", new Date()))),
        "registrations");

    // The restarted process: a fresh relay with a fresh publisher on the real broker.
    try (EventPublisher fresh = new EventPublisher(KafkaPublishing.from(env))) {
      OutboxRelay restarted =
          new OutboxRelay(mongo, fresh, List.of("registrations"), Duration.ofSeconds(1));
      assertThat(restarted.drain()).isGreaterThanOrEqualTo(1);
    }
    broker.set(SwitchablePublisher.Mode.UP);

    List<ConsumerRecord<String, byte[]>> delivered = recordsWithEventId(eventId.toString(), 1);
    assertThat(delivered).hasSize(1);
    assertThat(EventCodec.decode(delivered.get(0).value(), ParticipantRegistered.class))
        .isEqualTo(event);
    assertThat(outboxOf(participantId)).isEmpty();
  }

  @Test
  void aPublishWhoseAckWasLostIsRepublishedWithTheSameEventId() throws Exception {
    broker.set(SwitchablePublisher.Mode.LOSE_NEXT_ACK);

    String participantId = JsonPath.read(TestApi.register(mvc, forumId), "$.id");

    List<ConsumerRecord<String, byte[]>> records =
        EventProbe.readAll(
            Topics.ATTENDEES,
            Duration.ofSeconds(30),
            all -> TestApi.about(all, participantId).size() >= 2);
    List<ConsumerRecord<String, byte[]>> mine = TestApi.about(records, participantId);
    assertThat(mine).hasSize(2);
    assertThat(mine.stream().map(r -> eventIdOf(r)).distinct()).hasSize(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> outboxOf(participantId).isEmpty());
  }

  @Test
  void aTopicTheBrokerLacksIsCreatedAsTheBinderWouldHaveBeforeTheFirstSend() throws Exception {
    String topic = "forum-pulse.test-created-" + UUID.randomUUID();
    OutboxEntry entry =
        new OutboxEntry(
            UUID.randomUUID().toString(),
            topic,
            forumId,
            "ParticipantRegistered",
            "{\"probe\":true}",
            Instant.now());

    try (EventPublisher fresh = new EventPublisher(KafkaPublishing.from(env))) {
      assertThat(fresh.publish(entry)).isTrue();
    }

    try (Admin admin =
        Admin.create(
            Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()))) {
      TopicDescription created =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      assertThat(created.partitions())
          .hasSize(
              env.getRequiredProperty(
                  "spring.cloud.stream.kafka.binder.min-partition-count", Integer.class));
      ConfigEntry retention =
          admin
              .describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
              .all()
              .get()
              .values()
              .iterator()
              .next()
              .get("retention.ms");
      // Set on the topic itself, not inherited from this test broker's own default.
      assertThat(retention.value()).isEqualTo("-1");
      assertThat(retention.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }

    ConsumerRecord<String, byte[]> record =
        EventProbe.readAll(topic, Duration.ofSeconds(30), all -> !all.isEmpty()).get(0);
    assertThat(record.key()).isEqualTo(forumId);
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"probe\":true}");
    // The headers read back as the binder's consumers read them.
    Map<String, Object> headers = new HashMap<>();
    new BinderHeaderMapper().toHeaders(record.headers(), headers);
    assertThat(headers.get(Topics.TYPE_HEADER)).isEqualTo("ParticipantRegistered");
    assertThat(String.valueOf(headers.get("contentType"))).isEqualTo("application/json");
  }

  private List<Document> outboxOf(String participantId) {
    Document doc = mongo.findById(participantId, Document.class, "registrations");
    return doc.getList("outbox", Document.class, List.of());
  }

  private static List<ConsumerRecord<String, byte[]>> recordsWithEventId(String eventId, int n) {
    return EventProbe.readAll(
            Topics.ATTENDEES,
            Duration.ofSeconds(30),
            all -> all.stream().filter(r -> eventId.equals(eventIdOf(r))).count() >= n)
        .stream()
        .filter(r -> eventId.equals(eventIdOf(r)))
        .toList();
  }

  private static String eventIdOf(ConsumerRecord<String, byte[]> record) {
    return JsonPath.read(new String(record.value(), StandardCharsets.UTF_8), "$.eventId");
  }
}
