package kz.forumpulse.reporting.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.CurationEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.Topics;
import kz.forumpulse.events.UndecodableEventException;
import kz.forumpulse.faq.FaqGrouper;
import kz.forumpulse.reporting.attendance.AttendanceProjection;
import kz.forumpulse.reporting.curation.Curations;
import kz.forumpulse.reporting.faq.FaqProjection;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Rebuilds every report by replaying the topics from the beginning into a fresh generation of
 * collections, through the same projections the live consumers use, then switches over. Reports are
 * served from the current generation until the switch. Records that can never be read were
 * dead-lettered when they first arrived; the replay skips them the same way.
 */
@Service
public class Rebuild {

  private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

  /** Records per poll of the replay, at most. */
  static final int BATCH = 5000;

  private final ReportStore store;
  private final AttendanceProjection attendance;
  private final FaqProjection faq;
  private final Curations curations;
  private final String brokers;
  private final boolean readAhead;
  private volatile RebuildStatus status;
  private Thread running;

  Rebuild(
      ReportStore store,
      AttendanceProjection attendance,
      FaqProjection faq,
      Curations curations,
      @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
      @Value("${forum.reports.rebuild.read-ahead:true}") boolean readAhead) {
    this.readAhead = readAhead;
    this.store = store;
    this.attendance = attendance;
    this.faq = faq;
    this.curations = curations;
    this.brokers = brokers;
    this.status = RebuildStatus.idle(store.active().id());
  }

  public RebuildStatus status() {
    return status;
  }

  /** Starts a rebuild unless one is running; returns its status either way. */
  public synchronized RebuildStatus start() {
    if (running != null && running.isAlive()) {
      return status;
    }
    Generation target = store.create();
    status = new RebuildStatus("RUNNING", target.id(), 0, 0, Instant.now(), null, null);
    running = new Thread(() -> run(target), "report-rebuild");
    running.setDaemon(true);
    running.start();
    return status;
  }

  private void run(Generation target) {
    Instant started = status.startedAt();
    AtomicLong applied = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topics.ATTENDEES, Topics.QUESTIONS, Topics.FAQ_CURATION)) {
        consumer
            .partitionsFor(topic, Duration.ofSeconds(30))
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      faq.deferRepresentatives(target);
      replay(consumer, consumer.endOffsets(partitions), target, applied, skipped);
      faq.refreshDeferredRepresentatives(target);
      Generation previous =
          store.activate(
              target,
              () -> replay(consumer, consumer.endOffsets(partitions), target, applied, skipped));
      faq.forget(previous);
      store.drop(previous);
      status =
          new RebuildStatus(
              "DONE", target.id(), applied.get(), skipped.get(), started, Instant.now(), null);
      log.info(
          "Reports rebuilt into {}: {} events applied, {} skipped", target.id(), applied, skipped);
    } catch (RuntimeException e) {
      log.error("Rebuild into {} failed; the previous reports stay live", target.id(), e);
      store.drop(target);
      faq.forget(target);
      status =
          new RebuildStatus(
              "FAILED",
              store.active().id(),
              applied.get(),
              skipped.get(),
              started,
              Instant.now(),
              e.getMessage());
    }
  }

  /**
   * One record, decoded; for a question event also its offset and analysed text. {@code event} is
   * null if the record is unreadable.
   */
  private record Read(Object event, FaqProjection.Sequenced question) {}

  /**
   * Replays up to {@code end}. With read-ahead (the default) a second thread polls, decodes and
   * analyses the question texts for the grouping engines a poll ahead while this one applies the
   * previous poll: on two cores the reading, a third of a replay's work, overlaps the applying
   * (replay 4,200-4,400 -> 5,800-6,600 events/s in the benchmark, docs/benchmark.md).
   */
  private void replay(
      KafkaConsumer<byte[], byte[]> consumer,
      Map<TopicPartition, Long> end,
      Generation target,
      AtomicLong applied,
      AtomicLong skipped) {
    FaqGrouper.Preparer preparer = new FaqGrouper.Preparer();
    Supplier<Optional<List<Read>>> source =
        () -> {
          if (caughtUp(consumer, end)) {
            return Optional.empty();
          }
          List<Read> records = new ArrayList<>();
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            records.add(decode(record, preparer));
          }
          return Optional.of(records);
        };
    Consumer<List<Read>> sink =
        records -> {
          apply(records, target, applied, skipped);
          status =
              new RebuildStatus(
                  "RUNNING",
                  target.id(),
                  applied.get(),
                  skipped.get(),
                  status.startedAt(),
                  null,
                  null);
        };
    if (readAhead) {
      ReadAhead.run("report-rebuild-read", 2, source, sink);
    } else {
      Optional<List<Read>> records;
      while ((records = source.get()).isPresent()) {
        sink.accept(records.get());
      }
    }
  }

  private static Read decode(ConsumerRecord<byte[], byte[]> record, FaqGrouper.Preparer preparer) {
    try {
      if (Topics.QUESTIONS.equals(record.topic())) {
        QuestionEvent event = EventCodec.decode(record.value(), QuestionEvent.class);
        FaqGrouper.Prepared prepared =
            event instanceof QuestionSubmitted q ? preparer.prepare(q.text(), q.language()) : null;
        return new Read(event, new FaqProjection.Sequenced(event, record.offset(), prepared));
      }
      if (Topics.ATTENDEES.equals(record.topic())) {
        return new Read(EventCodec.decode(record.value(), AttendeeEvent.class), null);
      }
      return new Read(EventCodec.decode(record.value(), CurationEvent.class), null);
    } catch (UndecodableEventException unreadable) {
      return new Read(null, null);
    }
  }

  /**
   * Question records and attendee records go to their projections in runs (a poll's consecutive
   * records of one kind, per partition in offset order), as the live consumers take them; a record
   * of another kind first applies the run before it, so the order stays the topics'.
   */
  private void apply(
      List<Read> records, Generation target, AtomicLong applied, AtomicLong skipped) {
    List<FaqProjection.Sequenced> questions = new ArrayList<>();
    List<AttendeeEvent> attendees = new ArrayList<>();
    for (Read read : records) {
      if (read.event() == null) {
        skipped.incrementAndGet();
        continue;
      }
      if (read.question() != null) {
        applied.addAndGet(flushAttendees(attendees, target));
        questions.add(read.question());
        continue;
      }
      applied.addAndGet(flush(questions, target));
      if (read.event() instanceof AttendeeEvent attendee) {
        attendees.add(attendee);
        continue;
      }
      applied.addAndGet(flushAttendees(attendees, target));
      curations.apply((CurationEvent) read.event(), target);
      applied.incrementAndGet();
    }
    applied.addAndGet(flush(questions, target));
    applied.addAndGet(flushAttendees(attendees, target));
  }

  private int flush(List<FaqProjection.Sequenced> questions, Generation target) {
    int n = questions.size();
    faq.apply(questions, target);
    questions.clear();
    return n;
  }

  private int flushAttendees(List<AttendeeEvent> attendees, Generation target) {
    int n = attendees.size();
    if (n > 0) {
      attendance.apply(attendees, target);
      attendees.clear();
    }
    return n;
  }

  private static boolean caughtUp(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            brokers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            // Each poll is applied as one batch: the larger it is, the fewer times each FAQ group
            // and cross-tab cell is written while a forum's history streams past (10,000 measured
            // no faster than 5,000).
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            BATCH,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            8 * 1024 * 1024,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }
}
