package kz.forumpulse.reporting;

import java.util.function.Consumer;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.CurationEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.reporting.attendance.AttendanceProjection;
import kz.forumpulse.reporting.curation.Curations;
import kz.forumpulse.reporting.faq.FaqProjection;
import kz.forumpulse.reporting.questions.QuestionStatsProjection;
import kz.forumpulse.reporting.store.ReportStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The topics this service reads, bound in {@code reporting.yml}. The record's offset travels with
 * the event: one forum's events share a partition, so offsets order them, which is what makes the
 * FAQ grouping reproducible when it is rebuilt.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

  @Bean
  Consumer<Message<byte[]>> attendees(
      AttendanceProjection attendance, ReportStore store, ConsumptionMetrics metrics) {
    return metrics.counted(
        "attendees",
        message -> {
          AttendeeEvent event = EventCodec.decode(message.getPayload(), AttendeeEvent.class);
          TransientFailures.retryUntilDone(
              () ->
                  store.withActive(
                      gen -> {
                        attendance.apply(event, gen);
                        return null;
                      }));
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

  @Bean
  Consumer<Message<byte[]>> questions(
      FaqProjection faq,
      QuestionStatsProjection questionStats,
      ReportStore store,
      ConsumptionMetrics metrics) {
    return metrics.counted(
        "questions",
        message -> {
          Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
          QuestionEvent event = EventCodec.decode(message.getPayload(), QuestionEvent.class);
          if (offset == null) {
            // The FAQ's exactly-once guard is the record's offset; without it nothing is safe.
            throw new IllegalStateException("question record without a Kafka offset");
          }
          long seq = offset;
          TransientFailures.retryUntilDone(
              () ->
                  store.withActive(
                      gen -> {
                        faq.apply(event, seq, gen);
                        // Same generation as the FAQ: a switch-over never splits one event.
                        questionStats.apply(event, gen);
                        return null;
                      }));
        });
  }
}
