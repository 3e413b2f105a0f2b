package kz.forumpulse.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ForumEvent;
import kz.forumpulse.feedback.forum.ForumCatalogue;
import kz.forumpulse.feedback.participant.ParticipantDirectory;
import kz.forumpulse.support.consumer.BatchDeadLetters;
import kz.forumpulse.support.consumer.TransientFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/**
 * The topics this service reads, bound in {@code feedback.yml}. Payloads arrive as raw bytes and
 * are decoded by the shared codec, so an undecodable record fails here and goes to the dead-letter
 * topic instead of blocking the partition. A database outage never sends an event there: the
 * consumer applies it again with back-off until MongoDB takes it ({@link TransientFailures};
 * applying twice changes nothing), which holds the partition meanwhile.
 */
@Configuration(proxyBeanMethods = false)
@Import(BatchDeadLetters.class)
class EventConsumers {

  @Bean
  Consumer<Message<byte[]>> forums(ForumCatalogue catalogue) {
    return message -> {
      ForumEvent event = EventCodec.decode(message.getPayload(), ForumEvent.class);
      TransientFailures.retryUntilDone(() -> catalogue.apply(event));
    };
  }

  /**
   * Attendee events arrive in batches (one poll, {@code batch-mode} in {@code feedback.yml}) and
   * are applied with one ordered bulk request. A record that can never be decoded is set aside: the
   * records before it are applied, and the exception names its index, so the error handler ({@link
   * BatchDeadLetters}) commits those, dead-letters it and polls the rest again.
   */
  @Bean
  Consumer<Message<List<byte[]>>> attendees(ParticipantDirectory directory) {
    return message -> {
      List<byte[]> payloads = message.getPayload();
      List<AttendeeEvent> batch = new ArrayList<>(payloads.size());
      for (int i = 0; i < payloads.size(); i++) {
        try {
          batch.add(EventCodec.decode(payloads.get(i), AttendeeEvent.class));
        } catch (RuntimeException unreadable) {
          apply(directory, batch);
          throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
        }
      }
      apply(directory, batch);
    };
  }

  /**
   * A failure that is not transient is narrowed down to its record by applying one at a time
   * (applying again changes nothing), so only that record is dead-lettered.
   */
  private static void apply(ParticipantDirectory directory, List<AttendeeEvent> batch) {
    try {
      TransientFailures.retryUntilDone(() -> directory.apply(batch));
    } catch (RuntimeException failed) {
      for (int i = 0; i < batch.size(); i++) {
        AttendeeEvent one = batch.get(i);
        try {
          TransientFailures.retryUntilDone(() -> directory.apply(one));
        } catch (RuntimeException e) {
          throw new BatchListenerFailedException(e.getMessage(), e, i);
        }
      }
    }
  }
}
