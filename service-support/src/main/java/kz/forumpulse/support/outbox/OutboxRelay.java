package kz.forumpulse.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Moves pending events from documents' embedded outboxes to Kafka.
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
  private final Semaphore wakeUps = new Semaphore(0);
  private final AtomicLong published = new AtomicLong();
  private volatile boolean running;
  private volatile Thread worker;

  public OutboxRelay(
      MongoTemplate mongo,
      EventPublisher publisher,
      List<String> collections,
      Duration pollInterval) {
    this.mongo = mongo;
    this.publisher = publisher;
    this.collections = List.copyOf(collections);
    this.pollInterval = pollInterval;
  }

  /** Asks the relay to look now rather than at the next poll, for low end-to-end latency. */
  public void wakeUp() {
    wakeUps.release();
  }

  public long publishedCount() {
    return published.get();
  }

  /** Entries still waiting, over all outbox collections. */
  public long backlog() {
    long total = 0;
    for (String collection : collections) {
      for (Document doc : mongo.find(pendingQuery(), Document.class, collection)) {
        total += doc.getList("outbox", Document.class, List.of()).size();
      }
    }
    return total;
  }

  /**
   * Publishes everything pending now. Stops at the first failure so order within a document is
   * kept.
   *
   * @return number of entries published
   */
  public int drain() {
    int count = 0;
    for (String collection : collections) {
      List<Document> pending = mongo.find(pendingQuery().limit(500), Document.class, collection);
      for (Document doc : pending) {
        List<Document> outbox = doc.getList("outbox", Document.class, List.of());
        List<String> done = new ArrayList<>();
        for (Document raw : outbox) {
          OutboxEntry entry = toEntry(raw);
          if (!publisher.publish(entry)) {
            removePublished(collection, doc.get("_id"), done);
            throw new IllegalStateException("broker did not accept event " + entry.eventId());
          }
          done.add(entry.eventId());
        }
        removePublished(collection, doc.get("_id"), done);
        count += done.size();
      }
    }
    published.addAndGet(count);
    return count;
  }

  private void removePublished(String collection, Object id, List<String> eventIds) {
    if (eventIds.isEmpty()) {
      return;
    }
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update().pull("outbox", Query.query(Criteria.where("eventId").in(eventIds))),
        collection);
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
        drain();
        backoffMs = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        backoffMs = Math.min(Math.max(backoffMs * 2, 250), 5_000);
        log.warn("Outbox relay could not publish, retrying in {} ms: {}", backoffMs, e.toString());
      }
    }
  }

  @Override
  public void start() {
    running = true;
    Thread thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
    worker = thread;
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
