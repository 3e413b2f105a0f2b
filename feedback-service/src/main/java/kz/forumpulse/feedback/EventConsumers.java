package kz.forumpulse.feedback;

import java.util.List;
import java.util.function.Consumer;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ForumEvent;
import kz.forumpulse.feedback.forum.ForumCatalogue;
import kz.forumpulse.feedback.participant.ParticipantDirectory;
import kz.forumpulse.support.consumer.BatchDeadLetters;
import kz.forumpulse.support.consumer.Polls;
import kz.forumpulse.support.consumer.TransientFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
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
   * are applied with one ordered bulk request; an unreadable record is set aside ({@link Polls},
   * {@link BatchDeadLetters}).
   */
  @Bean
  Consumer<Message<List<byte[]>>> attendees(ParticipantDirectory directory) {
    return message -> {
      List<byte[]> payloads = message.getPayload();
      Polls.apply(
          payloads.size(),
          i -> EventCodec.decode(payloads.get(i), AttendeeEvent.class),
          directory::apply);
    };
  }
}
