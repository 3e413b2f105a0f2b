package kz.forumpulse.feedback;

import java.util.function.Consumer;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ForumEvent;
import kz.forumpulse.feedback.forum.ForumCatalogue;
import kz.forumpulse.feedback.participant.ParticipantDirectory;
import kz.forumpulse.support.consumer.TransientFailures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The topics this service reads, bound in {@code feedback.yml}. Payloads arrive as raw bytes and
 * are decoded by the shared codec, so an undecodable record fails here and goes to the dead-letter
 * topic instead of blocking the partition. A database outage never sends an event there: the
 * consumer applies it again with back-off until MongoDB takes it ({@link TransientFailures};
 * applying twice changes nothing), which holds the partition meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

  @Bean
  Consumer<Message<byte[]>> forums(ForumCatalogue catalogue) {
    return message -> {
      ForumEvent event = EventCodec.decode(message.getPayload(), ForumEvent.class);
      TransientFailures.retryUntilDone(() -> catalogue.apply(event));
    };
  }

  @Bean
  Consumer<Message<byte[]>> attendees(ParticipantDirectory directory) {
    return message -> {
      AttendeeEvent event = EventCodec.decode(message.getPayload(), AttendeeEvent.class);
      TransientFailures.retryUntilDone(() -> directory.apply(event));
    };
  }
}
