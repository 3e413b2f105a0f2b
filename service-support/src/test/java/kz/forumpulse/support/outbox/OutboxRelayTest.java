package kz.forumpulse.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kz.forumpulse.mongoemulator.NarrowingMemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The relay publishes the documents writers name without searching whole collections, and still
 * finds every pending entry by sweeping: at start, on a bare wake-up, after a failure.
 */
class OutboxRelayTest {

  private static final Duration LONG = Duration.ofHours(1);

  private MongoServer server;
  private MongoClient client;
  private MongoTemplate mongo;
  private final Set<String> published = ConcurrentHashMap.newKeySet();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private OutboxRelay relay;

  @BeforeEach
  void start() {
    server = new MongoServer(new NarrowingMemoryBackend());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    mongo = new MongoTemplate(client, "outbox");
    EventPublisher publisher =
        new EventPublisher(null) {
          @Override
          public boolean publish(OutboxEntry entry) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              throw new IllegalStateException("broker unreachable");
            }
            published.add(entry.eventId());
            return true;
          }
        };
    // Neither the poll nor the periodic sweep comes round during a test: only what is asked for.
    relay = new OutboxRelay(mongo, publisher, List.of("things"), LONG, LONG);
  }

  @AfterEach
  void stop() {
    relay.stop();
    client.close();
    server.shutdownNow();
  }

  private void store(String id, String... eventIds) {
    Document doc = new Document("_id", id);
    doc.append(
        "outbox",
        java.util.Arrays.stream(eventIds)
            .map(
                e ->
                    new Document("eventId", e)
                        .append("topic", "t")
                        .append("key", id)
                        .append("type", "Thing")
                        .append("payload", "{}"))
            .toList());
    mongo.insert(doc, "things");
  }

  private static void await(Runnable check) throws InterruptedException {
    AssertionError last = null;
    for (int i = 0; i < 100; i++) {
      try {
        check.run();
        return;
      } catch (AssertionError e) {
        last = e;
        Thread.sleep(50);
      }
    }
    throw last;
  }

  private long pending() {
    return mongo.findAll(Document.class, "things").stream()
        .mapToLong(d -> d.getList("outbox", Document.class, List.of()).size())
        .sum();
  }

  @Test
  void sweepsAtStartThenPublishesOnlyTheNamedDocuments() throws Exception {
    store("before-start", "e0");
    relay.start();
    await(() -> assertThat(published).containsExactly("e0"));

    store("named", "e1", "e2");
    store("unnamed", "e3");
    relay.wakeUp("things", "named");
    await(() -> assertThat(published).contains("e1", "e2"));
    Thread.sleep(300);
    assertThat(published).doesNotContain("e3");

    // A bare wake-up (or the periodic sweep) finds what nobody named.
    relay.wakeUp();
    await(() -> assertThat(published).contains("e3"));
    // Entries leave the outbox right after their round's sends are acknowledged.
    await(() -> assertThat(pending()).isZero());
  }

  @Test
  void afterAFailureTheNextRoundSweepsEverything() throws Exception {
    relay.start();
    failuresLeft.set(1);
    store("a", "e1");
    store("b", "e2");
    relay.wakeUp("things", "a");
    // The failed round forgot its hint; the retry sweeps and finds both, named or not.
    await(() -> assertThat(published).containsExactlyInAnyOrder("e1", "e2"));
    assertThat(relay.failureCount()).isEqualTo(1);
    await(() -> assertThat(pending()).isZero());
  }

  @Test
  void namingAnUnknownCollectionFallsBackToASweep() throws Exception {
    relay.start();
    store("c", "e9");
    relay.wakeUp("elsewhere", "c");
    await(() -> assertThat(published).contains("e9"));
  }
}
