package kz.forumpulse.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
  private final AtomicInteger errorsLeft = new AtomicInteger();

  /** Every send in the order the relay started them. */
  private final List<String> sendOrder = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Event ids the fake broker refuses. */
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  /** Sends not acknowledged yet (acknowledged by the fake a moment later, on another thread). */
  private final Set<String> unacknowledged = ConcurrentHashMap.newKeySet();

  /** A send started while an earlier entry of the same document was not acknowledged yet. */
  private final List<String> sentTooEarly = new java.util.concurrent.CopyOnWriteArrayList<>();

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
          public CompletableFuture<Void> send(OutboxEntry entry) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              return CompletableFuture.failedFuture(
                  new IllegalStateException("broker unreachable"));
            }
            if (errorsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              throw new StackOverflowError("test: a bug deep in a send");
            }
            sendOrder.add(entry.eventId());
            // Entries of one document share its key: none may go while another is in flight.
            if (unacknowledged.stream().anyMatch(id -> id.startsWith(entry.key() + ":"))) {
              sentTooEarly.add(entry.eventId());
            }
            if (refused.contains(entry.eventId())) {
              return CompletableFuture.failedFuture(
                  new IllegalStateException("refused " + entry.eventId()));
            }
            String inFlight = entry.key() + ":" + entry.eventId();
            unacknowledged.add(inFlight);
            return CompletableFuture.runAsync(
                () -> {
                  published.add(entry.eventId());
                  unacknowledged.remove(inFlight);
                },
                CompletableFuture.delayedExecutor(20, java.util.concurrent.TimeUnit.MILLISECONDS));
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
  void anErrorInASendDoesNotStopTheRelay() throws Exception {
    relay.start();
    errorsLeft.set(1);
    store("d", "e7");
    relay.wakeUp("things", "d");
    await(() -> assertThat(published).contains("e7"));
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

  @Test
  void eachDocumentsEntriesGoInOrderEachAfterTheLastWasAcknowledged() {
    store("a", "a1", "a2", "a3");
    store("b", "b1");
    store("c", "c1", "c2");

    assertThat(relay.drain()).isEqualTo(6);

    assertThat(published).containsExactlyInAnyOrder("a1", "a2", "a3", "b1", "c1", "c2");
    assertThat(sentTooEarly).isEmpty();
    assertThat(sendOrder.indexOf("a1")).isLessThan(sendOrder.indexOf("a2"));
    assertThat(sendOrder.indexOf("a2")).isLessThan(sendOrder.indexOf("a3"));
    assertThat(sendOrder.indexOf("c1")).isLessThan(sendOrder.indexOf("c2"));
    // The first entries of all documents went out together, before any second entry.
    assertThat(sendOrder.subList(0, 3)).containsExactlyInAnyOrder("a1", "b1", "c1");
    assertThat(pending()).isZero();
  }

  @Test
  void aRefusedSendStopsTheRoundAndWhatWasNotAcknowledgedStaysForTheNext() {
    store("a", "a1", "a2");
    store("b", "b1", "b2");
    store("c", "c1");
    refused.add("b1");

    assertThatThrownBy(relay::drain).hasMessageContaining("refused b1");

    // a1 went before the refusal and was acknowledged; no send was started after it.
    assertThat(sendOrder).containsExactly("a1", "b1");
    assertThat(published).containsExactly("a1");
    assertThat(outboxOf("a")).containsExactly("a2");
    assertThat(outboxOf("b")).containsExactly("b1", "b2");
    assertThat(outboxOf("c")).containsExactly("c1");

    refused.clear();
    assertThat(relay.drain()).isEqualTo(4);
    assertThat(published).containsExactlyInAnyOrder("a1", "a2", "b1", "b2", "c1");
    assertThat(sentTooEarly).isEmpty();
    assertThat(pending()).isZero();
  }

  private List<String> outboxOf(String id) {
    return mongo.findById(id, Document.class, "things").getList("outbox", Document.class).stream()
        .map(e -> e.getString("eventId"))
        .toList();
  }
}
