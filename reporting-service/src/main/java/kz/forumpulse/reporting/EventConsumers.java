package kz.forumpulse.reporting;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.CurationEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.reporting.attendance.AttendanceProjection;
import kz.forumpulse.reporting.curation.Curations;
import kz.forumpulse.reporting.faq.FaqProjection;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportStore;
import kz.forumpulse.support.consumer.BatchDeadLetters;
import kz.forumpulse.support.consumer.Polls;
import kz.forumpulse.support.consumer.TransientFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The topics this service reads, bound in {@code reporting.yml}. The record's offset travels with
 * the event: one forum's events share a partition, so offsets order them, which is what makes the
 * FAQ grouping reproducible when it is rebuilt.
 */
@Configuration(proxyBeanMethods = false)
@Import(BatchDeadLetters.class)
class EventConsumers {

  /**
   * Attendee events arrive in batches too (one poll): the attendance documents take a poll's events
   * in one ordered bulk request. An unreadable record is set aside as for questions.
   */
  @Bean
  Consumer<Message<List<byte[]>>> attendees(
      AttendanceProjection attendance, ReportStore store, ConsumptionMetrics metrics) {
    return metrics.countedBatch(
        "attendees",
        message -> {
          List<byte[]> payloads = message.getPayload();
          Polls.<AttendeeEvent>apply(
              payloads.size(),
              i -> EventCodec.decode(payloads.get(i), AttendeeEvent.class),
              batch -> apply(store, batch, attendance::apply));
          return payloads.size();
        });
  }

  @Bean
  Consumer<Message<byte[]>> curation(
      Curations curations, ReportStore store, ConsumptionMetrics metrics) {
    return metrics.counted(
        "curation",
        message -> {
          CurationEvent event = EventCodec.decode(message.getPayload(), CurationEvent.class);
          TransientFailures.retryUntilDone(
              () ->
                  store.withActive(
                      gen -> {
                        curations.apply(event, gen);
                        return null;
                      }));
        });
  }

  /**
   * Question events arrive in batches (one poll, {@code batch-mode} in {@code reporting.yml}): the
   * projections apply a batch in a handful of round trips instead of a dozen per event. A record
   * that can never be decoded is set aside ({@link Polls}).
   */
  @Bean
  Consumer<Message<List<byte[]>>> questions(
      FaqProjection faq, ReportStore store, ConsumptionMetrics metrics) {
    return metrics.countedBatch(
        "questions",
        message -> {
          List<byte[]> payloads = message.getPayload();
          List<?> offsets = message.getHeaders().get(KafkaHeaders.OFFSET, List.class);
          if (offsets == null || offsets.size() != payloads.size()) {
            // The FAQ's exactly-once guard is the record's offset; without it nothing is safe.
            throw new IllegalStateException("question records without their Kafka offsets");
          }
          Polls.<FaqProjection.Sequenced>apply(
              payloads.size(),
              i ->
                  new FaqProjection.Sequenced(
                      EventCodec.decode(payloads.get(i), QuestionEvent.class),
                      ((Number) offsets.get(i)).longValue()),
              batch -> apply(store, batch, faq::apply));
          return payloads.size();
        });
  }

  /** Applies the batch in the generation active now, so a switch-over never splits one event. */
  private static <T> void apply(
      ReportStore store, List<T> batch, BiConsumer<List<T>, Generation> projection) {
    store.withActive(
        gen -> {
          projection.accept(batch, gen);
          return null;
        });
  }
}
