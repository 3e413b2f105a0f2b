package kz.forumpulse.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.forumpulse.localstack.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Breaks the running product on purpose and counts: writes accepted, events published, events
 * applied, lost, double-counted, time to recover. Lost and double-counted must be 0 everywhere. The
 * scenarios share one stack and run in order; the last one replays everything into an empty
 * reporting database and compares, and the summary prints the table (also written to {@code
 * target/fault-scenarios.md}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosTest {

  static FaultyStack stack;
  static final List<ForumWorkload> allForums = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    stack = FaultyStack.get();
  }

  @AfterAll
  static void printTableAndStop() {
    try {
      FaultLedger.publish();
    } finally {
      ReportingProcess.killAll();
      FaultyStack.stopShared();
    }
  }

  private static ForumWorkload forum(String label) {
    ForumWorkload w = ForumWorkload.create(stack, label);
    allForums.add(w);
    return w;
  }

  private static void assertExact(ScenarioResult r) {
    assertThat(r.lost()).as("lost in " + r).isZero();
    assertThat(r.doubleCounted()).as("double-counted in " + r).isZero();
    assertThat(r.recovery()).as("recovered in " + r).isNotNull();
  }

  // (1) -----------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void brokerStoppedUnderLoadThenRestarted() throws Exception {
    Duration outage = FaultSettings.outage();
    int rate = FaultSettings.writesPerSecond();
    ForumWorkload w = forum("broker-outage");
    w.warmUp(Math.max(8, rate * (int) outage.toSeconds() / 8 + 4));
    ForumWorkload.Load load = w.startLoad(rate, 3);
    ForumWorkload.sleep(3000);

    long before = w.writes();
    stack.stopKafka();
    // Readiness shows the broker (kafka: DEGRADED) but stays 200: writes wait in the outbox.
    List<String> readiness = new ArrayList<>();
    long outageEnds = System.nanoTime() + outage.toNanos();
    while (System.nanoTime() < outageEnds) {
      String seen = kafkaReadiness(stack.registrationUrl());
      if (readiness.isEmpty() || !readiness.get(readiness.size() - 1).equals(seen)) {
        readiness.add(seen);
      }
      ForumWorkload.sleep(Math.min(500, Math.max(1, (outageEnds - System.nanoTime()) / 1_000_000)));
    }
    long during = w.writes() - before;
    stack.startKafka();
    Instant restarted = Instant.now();
    ForumWorkload.sleep(3000);
    load.stop();

    ScenarioResult r =
        Measure.settle(
            stack,
            "1 broker stopped " + outage.toSeconds() + " s under load",
            List.of(w),
            stack.reportingUrl(),
            FaultyStack.REPORTING_DB,
            restarted,
            during + " writes accepted while the broker was down; other answers " + w.otherAnswers);
    assertExact(r);
    assertThat(during).as("writes accepted during the outage").isPositive();
    assertThat(w.badAnswers).as("5xx or failed requests").isEmpty();
    assertThat(readiness).as("readiness during the outage").contains("200 DEGRADED");
    assertThat(readiness).as("readiness during the outage").allMatch(s -> s.startsWith("200 "));
    Awaits.until(
        "kafka UP in readiness after the restart",
        Duration.ofSeconds(60),
        () -> kafkaReadiness(stack.registrationUrl()).equals("200 UP"));
  }

  /** "HTTP status, kafka component status" of a service's readiness probe. */
  private static String kafkaReadiness(String serviceUrl) {
    HttpResponse<String> r = Http.get(serviceUrl + "/actuator/health/readiness", Map.of());
    String kafka;
    try {
      kafka = JsonPath.read(r.body(), "$.components.kafka.status");
    } catch (RuntimeException noComponent) {
      kafka = "none";
    }
    return r.statusCode() + " " + kafka;
  }

  // (7) -----------------------------------------------------------------------------------------

  @Test
  @Order(2)
  void producerKilledBetweenStoringAndPublishing() throws Exception {
    ForumWorkload w = forum("producer-crash");
    w.warmUp(2);
    // Publishing is blocked: the broker is down. The write is stored with its pending event.
    stack.stopKafka();
    Set<String> before = Set.copyOf(w.participants);
    String code = w.register();
    String questionId = w.ask();
    assertThat(code).as("registration accepted while the broker is down").isNotNull();
    assertThat(questionId).as("question accepted while the broker is down").isNotNull();
    String participantId =
        w.participants.stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
    List<String> pending = new ArrayList<>();
    pending.addAll(pendingEventIds(FaultyStack.REGISTRATION_DB, participantId));
    pending.addAll(pendingEventIds(FaultyStack.FEEDBACK_DB, questionId));
    assertThat(pending).as("stored events not yet published").hasSizeGreaterThanOrEqualTo(2);

    // Both producers die before they could publish.
    CompletableFuture<Object> r1 =
        FaultyStack.async(
            () -> {
              stack.registration.close();
              return null;
            });
    CompletableFuture<Object> r2 =
        FaultyStack.async(
            () -> {
              stack.feedback.close();
              return null;
            });
    CompletableFuture.allOf(r1, r2).get(180, TimeUnit.SECONDS);
    List<String> stillPending = new ArrayList<>();
    stillPending.addAll(pendingEventIds(FaultyStack.REGISTRATION_DB, participantId));
    stillPending.addAll(pendingEventIds(FaultyStack.FEEDBACK_DB, questionId));
    assertThat(stillPending)
        .as("events left in the outbox by the dead services")
        .containsAll(pending);

    stack.startKafka();
    Instant restarted = Instant.now();
    CompletableFuture<ConfigurableApplicationContext> reg =
        FaultyStack.async(stack::startRegistration);
    CompletableFuture<ConfigurableApplicationContext> fb = FaultyStack.async(stack::startFeedback);
    stack.registration = reg.get(300, TimeUnit.SECONDS);
    stack.feedback = fb.get(300, TimeUnit.SECONDS);

    ScenarioResult r =
        Measure.settle(
            stack,
            "7 producers killed between store and publish",
            List.of(w),
            stack.reportingUrl(),
            FaultyStack.REPORTING_DB,
            restarted,
            pending.size() + " stored-but-unpublished events delivered after restart");
    assertExact(r);
    Set<String> published = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> record :
        RawTopics.readAll(
            stack.bootstrapServers(), List.of(RawTopics.ATTENDEES, RawTopics.QUESTIONS))) {
      published.add(RawTopics.eventId(record));
    }
    assertThat(published).as("the stored event ids, published").containsAll(pending);
  }

  /** Event ids still waiting in the embedded outbox of the document that mentions {@code id}. */
  private static List<String> pendingEventIds(String database, String id) {
    List<String> ids = new ArrayList<>();
    try (MongoClient client = MongoClients.create(stack.mongoUri())) {
      var db = client.getDatabase(database);
      for (String collection : db.listCollectionNames()) {
        for (Document doc : db.getCollection(collection).find(Filters.exists("outbox.0"))) {
          for (Document entry : doc.getList("outbox", Document.class, List.of())) {
            if (String.valueOf(doc.get("_id")).equals(id)
                || String.valueOf(entry.get("payload")).contains(id)) {
              ids.add(entry.getString("eventId"));
            }
          }
        }
      }
    }
    return ids;
  }

  // (4) -----------------------------------------------------------------------------------------

  @Test
  @Order(3)
  void poisonRecordsAreDeadLetteredAndFutureVersionsApplied() {
    ForumWorkload w = forum("poison");
    w.warmUp(2);
    String f = w.forumId;
    String marker = "poison-" + UUID.randomUUID();
    String now = Instant.now().toString();
    Map<String, String> poison = new java.util.LinkedHashMap<>();
    for (String topic : List.of(RawTopics.ATTENDEES, RawTopics.QUESTIONS, RawTopics.FORUMS)) {
      String t = topic.substring(topic.lastIndexOf('.') + 1);
      poison.put(topic + "|not-json", "this is not JSON {" + marker + "-" + t + "-notjson");
      poison.put(
          topic + "|unknown-type",
          """
          {"type":"SomethingNew","eventId":"%s","version":1,"occurredAt":"%s","forumId":"%s",\
          "note":"%s-%s-unknowntype"}"""
              .formatted(UUID.randomUUID(), now, f, marker, t));
      String type =
          switch (t) {
            case "attendees" -> "ParticipantRegistered";
            case "questions" -> "QuestionSubmitted";
            default -> "ForumScheduled";
          };
      poison.put(
          topic + "|missing-fields",
          """
          {"type":"%s","version":1,"forumId":"%s","note":"%s-%s-missing"}"""
              .formatted(type, f, marker, t));
    }
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    poison.forEach(
        (k, v) -> records.add(RawTopics.record(k.substring(0, k.indexOf('|')), f, v, Map.of())));

    // A future version: more fields, a higher version. Readers must ignore what they do not know.
    String futureParticipant = "future-" + UUID.randomUUID();
    String futureQuestion = "future-q-" + UUID.randomUUID();
    String futureForum = "future" + Long.toString(System.nanoTime(), 36);
    records.add(
        RawTopics.record(
            RawTopics.ATTENDEES,
            f,
            """
            {"type":"ParticipantRegistered","eventId":"%s","version":99,"occurredAt":"%s",\
            "forumId":"%s","participantId":"%s","accessCodeHash":"%s","fullName":"Болашақ Қатысушы",\
            "role":"GUEST","district":"URALSK","ruralDistrict":null,"elected":false,\
            "partyMember":false,"language":"kk","status":"REGISTERED","sessions":[],\
            "badge":{"colour":"gold","level":3},"pronouns":"they"}"""
                .formatted(UUID.randomUUID(), now, f, futureParticipant, "0".repeat(64)),
            Map.of("forum-event-type", "ParticipantRegistered")));
    records.add(
        RawTopics.record(
            RawTopics.QUESTIONS,
            f,
            """
            {"type":"QuestionSubmitted","eventId":"%s","version":99,"occurredAt":"%s",\
            "forumId":"%s","questionId":"%s","participantId":"%s","project":"AUYL_AMANATY",\
            "text":"Будет ли продлена программа Ауыл аманаты после 2027 года?","language":"ru",\
            "anonymous":true,"authorName":null,"district":"URALSK","role":"GUEST",\
            "status":"PUBLISHED","sessionId":null,"sentiment":{"score":0.7},"attachments":[]}"""
                .formatted(UUID.randomUUID(), now, f, futureQuestion, futureParticipant),
            Map.of("forum-event-type", "QuestionSubmitted")));
    records.add(
        RawTopics.record(
            RawTopics.FORUMS,
            futureForum,
            """
            {"type":"ForumScheduled","eventId":"%s","version":99,"occurredAt":"%s",\
            "forumId":"%s","titleRu":"Форум будущего","titleKk":"Болашақ форумы",\
            "startsOn":"2027-01-15","endsOn":"2027-01-15","regionCode":"ZKO",\
            "districtCodes":["URALSK"],"capacity":100,"registrationOpensAt":null,\
            "registrationClosesAt":null,"requiresApproval":false,"sessions":[],\
            "livestreamUrl":"https://example.kz/live","hosts":[{"name":"x"}]}"""
                .formatted(UUID.randomUUID(), now, futureForum),
            Map.of("forum-event-type", "ForumScheduled")));
    Instant sent = Instant.now();
    RawTopics.send(stack.bootstrapServers(), records);
    w.participants.add(futureParticipant);
    w.questions.add(futureQuestion);

    // Consumption continues: ordinary writes after the poison reach the reports.
    for (int i = 0; i < 3; i++) {
      w.register();
      w.ask();
    }
    Awaits.until(
        "feedback-service applied the future-version ForumScheduled",
        Duration.ofSeconds(120),
        () ->
            Http.get(stack.feedbackUrl() + "/api/forums/" + futureForum + "/projects", Map.of())
                    .statusCode()
                == 200);

    Map<String, String> reasons = new HashMap<>();
    Awaits.until(
        "every poison record dead-lettered with its reason",
        Duration.ofSeconds(120),
        () -> {
          reasons.clear();
          for (ConsumerRecord<byte[], byte[]> dead :
              RawTopics.readAll(
                  stack.bootstrapServers(),
                  List.of(RawTopics.DLT_REPORTING, RawTopics.DLT_FEEDBACK))) {
            String value = RawTopics.value(dead);
            poison.forEach(
                (k, v) -> {
                  if (value.equals(v)) {
                    String consumer =
                        dead.topic().endsWith("reporting-service") ? "reporting" : "feedback";
                    reasons.put(consumer + ":" + k, RawTopics.header(dead, "x-exception-message"));
                  }
                });
            assertThat(value)
                .as("future versions are never dead-lettered")
                .doesNotContain("\"version\":99");
          }
          // reporting reads attendees and questions, feedback reads forums and attendees.
          Set<String> expected = new HashSet<>();
          poison
              .keySet()
              .forEach(
                  k -> {
                    if (!k.startsWith(RawTopics.FORUMS)) {
                      expected.add("reporting:" + k);
                    }
                    if (!k.startsWith(RawTopics.QUESTIONS)) {
                      expected.add("feedback:" + k);
                    }
                  });
          return reasons.keySet().containsAll(expected);
        });
    assertThat(reasons.values())
        .as("each dead letter says why")
        .allSatisfy(v -> assertThat(v).isNotBlank());

    ScenarioResult r =
        Measure.settle(
            stack,
            "4 poison records on every topic",
            List.of(w),
            stack.reportingUrl(),
            FaultyStack.REPORTING_DB,
            sent,
            poison.size()
                + " poison records -> "
                + reasons.size()
                + " dead letters with reason; 3 future-version events applied");
    assertExact(r);
  }

  // (3) -----------------------------------------------------------------------------------------

  @Test
  @Order(4)
  void duplicatesAndRereadFromTheBeginning() throws Exception {
    ForumWorkload w = forum("duplicates");
    w.warmUp(6);
    for (int i = 0; i < 6; i++) {
      w.register();
      w.ask();
    }
    Measure.Counts baseline =
        awaitExact(List.of(w), stack.reportingUrl(), FaultyStack.REPORTING_DB);
    assertThat(baseline.exact()).isTrue();

    // The same events again, at new offsets, byte for byte (same event ids).
    List<ProducerRecord<byte[], byte[]>> again = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record :
        RawTopics.readAll(
            stack.bootstrapServers(), List.of(RawTopics.ATTENDEES, RawTopics.QUESTIONS))) {
      if (w.forumId.equals(RawTopics.key(record))) {
        ProducerRecord<byte[], byte[]> copy =
            new ProducerRecord<>(record.topic(), record.key(), record.value());
        record.headers().forEach(h -> copy.headers().add(h));
        again.add(copy);
      }
    }
    RawTopics.send(stack.bootstrapServers(), again);

    // And every topic read again from the beginning: the group's offsets reset to 0 while the
    // service is down, then it starts again.
    stack.reporting.close();
    resetGroupToEarliest(FaultyStack.REPORTING_GROUP);
    Instant restarted = Instant.now();
    stack.reporting = stack.startReporting(FaultyStack.REPORTING_DB, FaultyStack.REPORTING_GROUP);
    Awaits.until(
        "reporting-service re-read every topic to the end",
        FaultSettings.recoveryTimeout(),
        () -> lag(FaultyStack.REPORTING_GROUP) == 0);

    ScenarioResult r =
        Measure.settle(
            stack,
            "3 duplicates + re-read from offset 0",
            List.of(w),
            stack.reportingUrl(),
            FaultyStack.REPORTING_DB,
            restarted,
            again.size()
                + " records republished with the same ids; whole history re-read; earlier"
                + " scenarios still exact: "
                + Measure.count(stack, stack.reportingUrl(), FaultyStack.REPORTING_DB, allForums));
    assertExact(r);
    assertThat(r.records()).as("every event twice on the topics").isEqualTo(2 * r.published());
    assertThat(
            Measure.count(stack, stack.reportingUrl(), FaultyStack.REPORTING_DB, allForums).exact())
        .as("every earlier scenario's forum still exact after the re-read")
        .isTrue();
  }

  // (2) -----------------------------------------------------------------------------------------

  /** Client id of the killed instance's consumers: tells its members apart in the group. */
  private static final String KILLED_CLIENT = "reporting-killed";

  /** Republished records on the killed process's partitions: a second or so of its work. */
  private static final int MIN_BURST_ON_KILLED = 600;

  @Test
  @Order(5)
  void reportingKilledMidBatchAndRebalanced() throws Exception {
    String group = FaultyStack.REPORTING_GROUP;
    String bootstrap = stack.bootstrapServers();
    // A second instance, in a JVM of its own, joins the live group: the first rebalance. A short
    // session timeout: after the kill the broker notices the dead member in 6 s, not 45 s.
    ReportingProcess killed =
        stack.startReportingProcess(
            group,
            "--spring.cloud.stream.kafka.binder.consumer-properties[client.id]=" + KILLED_CLIENT,
            "--spring.cloud.stream.kafka.binder.consumer-properties[session.timeout.ms]=6000",
            "--spring.cloud.stream.kafka.binder.consumer-properties[heartbeat.interval.ms]=1500",
            // Question records are applied a poll at a time; a whole republished burst in one
            // poll is done and committed within milliseconds. Small polls leave most of the burst
            // uncommitted whenever the kill lands, still several records per batch.
            "--REPORTING_BATCH_SIZE=5");
    ForumWorkload.Load load = null;
    try {
      killed.awaitReady(FaultSettings.recoveryTimeout());
      Set<TopicPartition> owned = new HashSet<>();
      Awaits.until(
          "the process joined " + group + " and was given partitions",
          FaultSettings.recoveryTimeout(),
          () -> {
            owned.clear();
            owned.addAll(partitionsOf(killedMembers(group)));
            return owned.stream().anyMatch(tp -> tp.topic().equals(RawTopics.ATTENDEES))
                && owned.stream().anyMatch(tp -> tp.topic().equals(RawTopics.QUESTIONS));
          });

      // One forum's events share a partition; the process only has a batch in hand if the
      // forum's partition is one of its own.
      ForumWorkload w = forumOnPartitions("reporting-kill", owned);
      w.warmUp(8);
      load = w.startLoad(FaultSettings.writesPerSecond(), 3);
      ForumWorkload.sleep(3000);

      List<ProducerRecord<byte[], byte[]>> burst = new ArrayList<>();
      List<ConsumerRecord<byte[], byte[]>> ownedRecords = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> record :
          RawTopics.readAll(bootstrap, List.of(RawTopics.ATTENDEES, RawTopics.QUESTIONS))) {
        if (w.forumId.equals(RawTopics.key(record))) {
          burst.add(RawTopics.copy(record));
          if (owned.contains(new TopicPartition(record.topic(), record.partition()))) {
            ownedRecords.add(record);
          }
        }
      }
      assertThat(ownedRecords).as("the forum's records on the process's partitions").isNotEmpty();
      // The forum's own history is a few dozen records on the process's partitions: applied and
      // committed in ~50 ms, about as long as it takes to see the process start on them and kill
      // it (the kill once landed after the last commit). Its records republished again and again
      // (duplicates at new offsets, which the projections drop) keep it busy for a second or so.
      int copies = (MIN_BURST_ON_KILLED + ownedRecords.size() - 1) / ownedRecords.size();
      for (int copy = 1; copy < copies; copy++) {
        ownedRecords.forEach(record -> burst.add(RawTopics.copy(record)));
      }
      long burstOnKilled = (long) ownedRecords.size() * copies;
      // The writes pause while the batch goes out, so that what the process is seen consuming
      // is the batch; they resume right after the kill, while the dead member still holds its
      // partitions.
      load.stop();
      long[] consumedBefore = {-1};
      Awaits.until(
          "the process idle before the batch",
          Duration.ofSeconds(60),
          () -> {
            long previous = consumedBefore[0];
            consumedBefore[0] = killed.consumed();
            return consumedBefore[0] == previous;
          },
          Duration.ofSeconds(1));
      RawTopics.sendAll(bootstrap, burst);
      Map<TopicPartition, Long> endOfBurst =
          RawTopics.endOffsets(bootstrap, List.of(RawTopics.ATTENDEES, RawTopics.QUESTIONS));

      // Kill it as soon as it is seen working on the batch, before it can commit it.
      long[] consumedAtKill = {consumedBefore[0]};
      Awaits.until(
          "the process consuming the republished batch",
          Duration.ofSeconds(60),
          () -> (consumedAtKill[0] = killed.consumed()) > consumedBefore[0],
          Duration.ofMillis(10));
      Instant killedAt = Instant.now();
      int exit = killed.kill();
      load = w.startLoad(FaultSettings.writesPerSecond(), 3);
      // Nobody commits for its partitions until the broker has dropped it (session timeout):
      // what is committed now is what the dead process had committed.
      Map<TopicPartition, Long> committedAtKill = ConsumerGroup.committed(bootstrap, group);
      long inFlight = 0;
      for (TopicPartition tp : owned) {
        long end = endOfBurst.getOrDefault(tp, 0L);
        inFlight += Math.max(0, end - committedAtKill.getOrDefault(tp, 0L));
      }

      // The second rebalance: the dead member is dropped, the survivor takes every partition.
      Awaits.until(
          "the killed process dropped from " + group + ", every partition with the survivor",
          FaultSettings.recoveryTimeout(),
          () -> {
            List<ConsumerGroup.Member> members = ConsumerGroup.members(bootstrap, group);
            return members.stream().noneMatch(FaultScenariosTest::isKilled)
                && partitionsOf(members).containsAll(endOfBurst.keySet());
          });
      Duration dropped = Duration.between(killedAt, Instant.now());
      ForumWorkload.sleep(3000);
      load.stop();
      load = null;

      ScenarioResult r =
          Measure.settle(
              stack,
              "2 reporting killed (SIGKILL) mid-batch + rebalance",
              List.of(w),
              stack.reportingUrl(),
              FaultyStack.REPORTING_DB,
              killedAt,
              String.format(
                  java.util.Locale.ROOT,
                  "separate JVM joined the group (%d of %d attendee/question partitions),"
                      + " SIGKILLed (exit %d) after consuming %d of the %d records republished"
                      + " on its partitions; %d uncommitted at the kill; dropped from the group"
                      + " after %.1f s, survivor re-read them",
                  endOfBurst.keySet().stream().filter(owned::contains).count(),
                  endOfBurst.size(),
                  exit,
                  consumedAtKill[0] - consumedBefore[0],
                  burstOnKilled,
                  inFlight,
                  dropped.toMillis() / 1000.0));
      assertExact(r);
      assertThat(exit)
          .as("exit code of a process killed by SIGKILL")
          .isEqualTo(ReportingProcess.KILLED_EXIT_CODE);
      assertThat(inFlight)
          .as("records of the republished batch not committed when the process died")
          .isPositive();
      Map<TopicPartition, Long> committedAfter = ConsumerGroup.committed(bootstrap, group);
      for (TopicPartition tp : owned) {
        assertThat(committedAfter.getOrDefault(tp, 0L))
            .as("the survivor went past the dead process's batch on " + tp)
            .isGreaterThanOrEqualTo(endOfBurst.getOrDefault(tp, 0L));
      }
      assertThat(w.badAnswers).isEmpty();
    } finally {
      if (load != null) {
        load.stop();
      }
      killed.kill();
    }
  }

  /** Creates forums until one has its events on a partition in {@code partitions}. */
  private static ForumWorkload forumOnPartitions(String label, Set<TopicPartition> partitions) {
    for (int attempt = 0; attempt < 20; attempt++) {
      ForumWorkload w = ForumWorkload.create(stack, label);
      int p = RawTopics.partitionFor(w.forumId, LocalKafka.TOPIC_PARTITIONS);
      if (partitions.contains(new TopicPartition(RawTopics.ATTENDEES, p))
          || partitions.contains(new TopicPartition(RawTopics.QUESTIONS, p))) {
        allForums.add(w);
        return w;
      }
    }
    throw new AssertionError("no forum on the partitions " + partitions + " in 20 attempts");
  }

  private static List<ConsumerGroup.Member> killedMembers(String group) {
    return ConsumerGroup.members(stack.bootstrapServers(), group).stream()
        .filter(FaultScenariosTest::isKilled)
        .toList();
  }

  private static Set<TopicPartition> partitionsOf(List<ConsumerGroup.Member> members) {
    Set<TopicPartition> partitions = new HashSet<>();
    members.forEach(m -> partitions.addAll(m.partitions()));
    return partitions;
  }

  private static boolean isKilled(ConsumerGroup.Member m) {
    return m.clientId().startsWith(KILLED_CLIENT);
  }

  // (5) -----------------------------------------------------------------------------------------

  @Test
  @Order(6)
  void mongoStoppedUnderLoadThenRestarted() throws Exception {
    ForumWorkload w = forum("mongo-outage");
    w.warmUp(8);
    Map<String, List<Integer>> readiness = new ConcurrentHashMap<>();
    AtomicBoolean polling = new AtomicBoolean(true);
    Thread poller =
        new Thread(
            () -> {
              while (polling.get()) {
                for (var e :
                    Map.of(
                            "registration", stack.registrationUrl(),
                            "feedback", stack.feedbackUrl(),
                            "reporting", stack.reportingUrl())
                        .entrySet()) {
                  int status;
                  try {
                    status =
                        Http.get(e.getValue() + "/actuator/health/readiness", Map.of())
                            .statusCode();
                  } catch (RuntimeException ex) {
                    status = -1;
                  }
                  List<Integer> seen =
                      readiness.computeIfAbsent(e.getKey(), k -> new CopyOnWriteArrayList<>());
                  if (seen.isEmpty() || seen.get(seen.size() - 1) != status) {
                    seen.add(status);
                  }
                }
                ForumWorkload.sleep(500);
              }
            },
            "readiness-poller");
    poller.setDaemon(true);
    poller.start();

    ForumWorkload.Load load = w.startLoad(FaultSettings.writesPerSecond(), 3);
    ForumWorkload.sleep(3000);
    stack.stopMongo();
    ForumWorkload.sleep(FaultSettings.outage());
    stack.startMongo();
    Instant restarted = Instant.now();
    ForumWorkload.sleep(5000);
    load.stop();
    ScenarioResult r =
        Measure.settle(
            stack,
            "5 MongoDB stopped " + FaultSettings.outage().toSeconds() + " s under load",
            List.of(w),
            stack.reportingUrl(),
            FaultyStack.REPORTING_DB,
            restarted,
            "writes refused: "
                + w.otherAnswers
                + " (all 503 + Retry-After); readiness DOWN and back");
    long readyBy = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < readyBy
        && !(readiness.size() == 3
            && readiness.values().stream()
                .allMatch(s -> !s.isEmpty() && s.get(s.size() - 1) == 200))) {
      ForumWorkload.sleep(500);
    }
    polling.set(false);
    poller.join(10_000);
    System.out.println("MONGO OUTAGE readiness " + readiness);
    System.out.println("MONGO OUTAGE answers " + w.otherAnswers);
    w.badAnswers.stream().limit(5).forEach(a -> System.out.println("MONGO OUTAGE bad " + a));
    assertExact(r);
    assertThat(w.otherAnswers.keySet())
        .as("during the outage writes are answered 201 or 503, never another 5xx: " + w.badAnswers)
        .allMatch(s -> s == 503 || (s >= 400 && s < 500));
    assertThat(w.badAnswers)
        .as("every refusal is a 503 with Retry-After")
        .allMatch(a -> a.contains(" 503 Retry-After="));
    assertThat(w.otherAnswers)
        .as("some writes were refused while the database was down")
        .containsKey(503);
    readiness.forEach(
        (service, seen) ->
            assertThat(seen)
                .as(service + " readiness went down and came back")
                .startsWith(200)
                .contains(503)
                .endsWith(200));
  }

  // (6) -----------------------------------------------------------------------------------------

  @Test
  @Order(7)
  void replayIntoAnEmptyDatabaseGivesTheSameReports() {
    String suffix = Long.toString(System.currentTimeMillis(), 36);
    String db = "fault_reporting_replay_" + suffix;
    Instant started = Instant.now();
    ConfigurableApplicationContext replay = stack.startReporting(db, "reporting-replay-" + suffix);
    try {
      String replayUrl = FaultyStack.baseUrl(replay);
      List<String> differences = new ArrayList<>();
      Awaits.until(
          "the replayed reports equal the live ones",
          FaultSettings.recoveryTimeout(),
          () -> {
            differences.clear();
            for (ForumWorkload w : allForums) {
              compare(w, "attendance", stack.reportingUrl(), replayUrl, differences);
              compare(w, "faq?limit=500", stack.reportingUrl(), replayUrl, differences);
            }
            return differences.isEmpty();
          });
      ScenarioResult r =
          Measure.settle(
              stack,
              "6 replay into an empty database",
              allForums,
              replayUrl,
              db,
              started,
              allForums.size() + " forums; attendance and FAQ reports identical to the live ones");
      assertExact(r);
    } finally {
      replay.close();
    }
  }

  private static void compare(
      ForumWorkload w, String report, String live, String replay, List<String> differences) {
    String path = "/api/forums/" + w.forumId + "/reports/" + report;
    HttpResponse<String> a = Http.get(live + path, Http.organiser());
    HttpResponse<String> b = Http.get(replay + path, Http.organiser());
    Object left = normalise(JsonPath.read(a.body(), "$"));
    Object right = normalise(JsonPath.read(b.body(), "$"));
    if (a.statusCode() != 200 || !left.equals(right)) {
      differences.add(w.label + " " + report + ": live " + a.body() + " replay " + b.body());
    }
  }

  /** Groups of equal count may come in either order: compare them as a set. */
  @SuppressWarnings("unchecked")
  private static Object normalise(Object json) {
    if (json instanceof Map<?, ?> map && map.get("groups") instanceof List<?> groups) {
      Map<String, Object> copy = new HashMap<>((Map<String, Object>) map);
      copy.put("groups", new HashSet<>(groups));
      return copy;
    }
    return json;
  }

  // helpers ----------------------------------------------------------------------------------

  private static Measure.Counts awaitExact(
      List<ForumWorkload> forums, String reportingUrl, String db) {
    Measure.Counts[] last = new Measure.Counts[1];
    Awaits.until(
        "reports exact",
        FaultSettings.recoveryTimeout(),
        () -> (last[0] = Measure.count(stack, reportingUrl, db, forums)).exact());
    return last[0];
  }

  private static Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    return Admin.create(p);
  }

  /** Sets the group's committed offsets to the start of every partition it reads. */
  private static void resetGroupToEarliest(String group) {
    Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
    RawTopics.endOffsets(
            stack.bootstrapServers(), List.of(RawTopics.ATTENDEES, RawTopics.QUESTIONS))
        .keySet()
        .forEach(tp -> zero.put(tp, new OffsetAndMetadata(0)));
    try (Admin admin = admin()) {
      Awaits.until(
          "offsets of " + group + " reset (the group must be empty first)",
          Duration.ofSeconds(120),
          () -> {
            try {
              admin.alterConsumerGroupOffsets(group, zero).all().get(30, TimeUnit.SECONDS);
              return true;
            } catch (Exception e) {
              return false;
            }
          });
    }
  }

  /** Records of the attendee and question topics the group has not committed yet. */
  private static long lag(String group) {
    Map<TopicPartition, Long> end =
        RawTopics.endOffsets(
            stack.bootstrapServers(), List.of(RawTopics.ATTENDEES, RawTopics.QUESTIONS));
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      long lag = 0;
      for (var e : end.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        lag += e.getValue() - (c == null ? 0 : c.offset());
      }
      return lag;
    } catch (Exception e) {
      return Long.MAX_VALUE;
    }
  }
}
