package kz.forumpulse.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Moves pending events from documents' embedded outboxes to Kafka.
 *
 * <p>Writers say which document they gave an entry ({@link #wakeUp(String, Object)}); a round reads
 * those by {@code _id}. The whole of each outbox collection is swept for pending entries at start,
 * after any failure, on a bare {@link #wakeUp()}, and at least every {@code sweepInterval}: a hint
 * lost in a crash, or a writer that gives none, is picked up there. Looking for pending entries can
 * not use an index on every database (the emulator scans), so the sweep is kept off the per-write
 * path.
 *
 * <p>Publish first, then remove from the outbox: a crash in between publishes the entry again after
 * restart, with the same event id, and consumers drop the duplicate. While Kafka is down the
 * entries simply wait (writes keep being accepted) and the relay retries with back-off.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final MongoTemplate mongo;
  private final EventPublisher publisher;
  private final List<String> collections;
  private final Duration pollInterval;
  private final Duration sweepInterval;
  private final Semaphore wakeUps = new Semaphore(0);
  private final Map<String, Set<Object>> hinted = new ConcurrentHashMap<>();
  private final AtomicBoolean sweepRequested = new AtomicBoolean(true);
  private volatile long lastSweepNanos;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  /** Documents read per round. */
  static final int BATCH = 500;

  private volatile boolean running;
  private volatile Thread worker;

  public OutboxRelay(
      MongoTemplate mongo,
      EventPublisher publisher,
      List<String> collections,
      Duration pollInterval) {
    this(mongo, publisher, collections, pollInterval, Duration.ofSeconds(5));
  }

  public OutboxRelay(
      MongoTemplate mongo,
      EventPublisher publisher,
      List<String> collections,
      Duration pollInterval,
      Duration sweepInterval) {
    this.mongo = mongo;
    this.publisher = publisher;
    this.collections = List.copyOf(collections);
    this.pollInterval = pollInterval;
    this.sweepInterval = sweepInterval;
    collections.forEach(c -> hinted.put(c, ConcurrentHashMap.newKeySet()));
  }

  /** Asks the relay to sweep every outbox collection now rather than at the next poll. */
  public void wakeUp() {
    sweepRequested.set(true);
    wakeUps.release();
  }

  /**
   * Tells the relay that document {@code id} of {@code collection} has just been given an outbox
   * entry: it is published at once, without a sweep.
   */
  public void wakeUp(String collection, Object id) {
    Set<Object> ids = hinted.get(collection);
    if (ids == null) {
      wakeUp();
      return;
    }
    ids.add(id);
    wakeUps.release();
  }

  public long publishedCount() {
    return published.get();
  }

  /** Relay rounds that stopped at a failure (broker or database unreachable). */
  public long failureCount() {
    return failures.get();
  }

  /** Entries still waiting, over all outbox collections. */
  public long backlog() {
    long total = 0;
    for (String collection : collections) {
      for (Document doc : mongo.find(outboxOnly(pendingQuery()), Document.class, collection)) {
        total += doc.getList("outbox", Document.class, List.of()).size();
      }
    }
    return total;
  }

  /**
   * Publishes everything pending now: all documents' entries at once, each document's own entries
   * strictly in order and only after the previous one was acknowledged (see {@link #publish}).
   * After a failure no further send starts, so every document's order is kept; the entries
   * acknowledged are removed with one bulk request, and the failure is reported.
   *
   * @return number of entries published
   */
  public int drain() {
    sweepRequested.set(true);
    return round();
  }

  /** One round of the relay: a sweep when one is asked for or due, else the named documents. */
  private int round() {
    boolean sweep =
        sweepRequested.getAndSet(false)
            || System.nanoTime() - lastSweepNanos >= sweepInterval.toNanos();
    try {
      int count = sweep ? drainAll() : drainHinted();
      if (sweep) {
        lastSweepNanos = System.nanoTime();
      }
      return count;
    } catch (RuntimeException | Error e) {
      // What this round was told about is forgotten: the next one searches everything.
      sweepRequested.set(true);
      throw e;
    }
  }

  /** Every document with pending entries, in rounds of {@value #BATCH}. */
  private int drainAll() {
    int count = 0;
    for (String collection : collections) {
      // The hints are covered by the sweep: drop them first, later ones stay.
      hinted.get(collection).clear();
      List<Document> pending;
      do {
        pending = mongo.find(outboxOnly(pendingQuery().limit(BATCH)), Document.class, collection);
        count += publish(collection, pending);
      } while (pending.size() == BATCH);
    }
    return count;
  }

  /** Only the documents writers named since the last round, read by {@code _id}. */
  private int drainHinted() {
    int count = 0;
    for (String collection : collections) {
      Set<Object> ids = hinted.get(collection);
      while (!ids.isEmpty()) {
        List<Object> batch = new ArrayList<>(BATCH);
        for (Object id : ids) {
          batch.add(id);
          if (batch.size() == BATCH) {
            break;
          }
        }
        batch.forEach(ids::remove);
        // {_id: {$in}} alone is an index look-up everywhere; the outbox is checked here.
        List<Document> pending = new ArrayList<>();
        for (Document doc :
            mongo.find(
                outboxOnly(Query.query(Criteria.where("_id").in(batch))),
                Document.class,
                collection)) {
          if (!doc.getList("outbox", Document.class, List.of()).isEmpty()) {
            pending.add(doc);
          }
        }
        count += publish(collection, pending);
      }
    }
    return count;
  }

  /**
   * Publishes the pending entries of these documents; returns how many it published.
   *
   * <p>In waves: wave k sends the k-th entry of every document at once, and waits for them all. The
   * producer packs a wave into a few requests, one thread sends it, and each document's entries
   * still go strictly in order, each only after the previous one was acknowledged. After the first
   * failure no further send is started (the broker is likely down); the entries published so far
   * are removed with one bulk request, and the failure is reported.
   */
  private int publish(String collection, List<Document> pending) {
    if (pending.isEmpty()) {
      return 0;
    }
    List<Pending> documents = new ArrayList<>(pending.size());
    int longest = 0;
    for (Document doc : pending) {
      List<OutboxEntry> entries =
          doc.getList("outbox", Document.class, List.of()).stream()
              .map(OutboxRelay::toEntry)
              .toList();
      documents.add(new Pending(doc.get("_id"), entries, new ArrayList<>(entries.size())));
      longest = Math.max(longest, entries.size());
    }
    // Set at the first failed send; the failure itself is taken from its future below.
    boolean stopped = false;
    RuntimeException failure = null;
    for (int k = 0; k < longest && !stopped; k++) {
      List<CompletableFuture<Void>> sends = new ArrayList<>(documents.size());
      for (Pending doc : documents) {
        CompletableFuture<Void> send = null;
        if (!stopped && k < doc.entries().size()) {
          try {
            send = publisher.send(doc.entries().get(k));
          } catch (RuntimeException e) {
            send = CompletableFuture.failedFuture(e);
          }
          stopped = send.isCompletedExceptionally();
        }
        sends.add(send);
      }
      for (int i = 0; i < documents.size(); i++) {
        CompletableFuture<Void> send = sends.get(i);
        if (send == null) {
          continue;
        }
        try {
          EventPublisher.await(send);
          Pending doc = documents.get(i);
          doc.published().add(doc.entries().get(k).eventId());
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          }
          stopped = true;
        }
      }
    }
    int removed = removePublished(collection, documents);
    published.addAndGet(removed);
    if (failure != null) {
      throw failure;
    }
    return removed;
  }

  /** One document's pending entries, and the event ids of those published so far. */
  private record Pending(Object id, List<OutboxEntry> entries, List<String> published) {}

  /** One bulk request: per document one {@code $pull} of exactly the entries published. */
  private int removePublished(String collection, List<Pending> results) {
    BulkOperations bulk = null;
    int removed = 0;
    for (Pending result : results) {
      if (result.published().isEmpty()) {
        continue;
      }
      if (bulk == null) {
        bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
      }
      bulk.updateOne(
          Query.query(Criteria.where("_id").is(result.id())),
          new Update()
              .pull("outbox", Query.query(Criteria.where("eventId").in(result.published()))));
      removed += result.published().size();
    }
    if (bulk != null) {
      bulk.execute();
    }
    return removed;
  }

  /**
   * Only {@code _id} and the outbox of each document: the rest (a question's supporters, history,
   * text) is not needed here and would be read and decoded on every round.
   */
  private static Query outboxOnly(Query query) {
    query.fields().include("outbox");
    return query;
  }

  private static Query pendingQuery() {
    return Query.query(Criteria.where("outbox.eventId").exists(true));
  }

  private static OutboxEntry toEntry(Document raw) {
    Object created = raw.get("createdAt");
    return new OutboxEntry(
        raw.getString("eventId"),
        raw.getString("topic"),
        raw.getString("key"),
        raw.getString("type"),
        raw.getString("payload"),
        created instanceof java.util.Date date ? date.toInstant() : null);
  }

  private void loop() {
    long backoffMs = 0;
    while (running) {
      try {
        if (backoffMs > 0) {
          TimeUnit.MILLISECONDS.sleep(backoffMs);
        } else {
          wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        wakeUps.drainPermits();
        if (!running) {
          return;
        }
        round();
        backoffMs = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // Errors too: sends run on this thread, and had it died, every later event would wait for
        // a restart.
        failures.incrementAndGet();
        backoffMs = Math.min(Math.max(backoffMs * 2, 250), 5_000);
        if (e instanceof Error) {
          log.error("Outbox relay round failed, retrying in {} ms", backoffMs, e);
        } else {
          log.warn(
              "Outbox relay could not publish, retrying in {} ms: {}", backoffMs, e.toString());
        }
      }
    }
  }

  @Override
  public void start() {
    running = true;
    Thread thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    worker = thread;
    // The first round, a sweep, at once: entries a previous run left behind go out first.
    wakeUps.release();
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    wakeUp();
    Thread thread = worker;
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Flush what is left so a graceful shutdown leaves nothing behind when Kafka is reachable.
    try {
      drain();
    } catch (RuntimeException e) {
      log.warn("Outbox entries left for the next start: {}", e.toString());
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Stop before the Kafka binder's producers close, start after them.
    return Integer.MAX_VALUE - 100;
  }
}
