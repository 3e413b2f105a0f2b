package kz.forumpulse.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kz.forumpulse.mongoemulator.InProcessMongoClients;
import kz.forumpulse.mongoemulator.NarrowingMemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.MongoMappingEvent;

class MongoMappingEventsConfigurationTest {

  private final MongoClient client = InProcessMongoClients.create(new NarrowingMemoryBackend());

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MongoMappingEventsConfiguration.class))
          .withBean(MongoTemplate.class, () -> new MongoTemplate(client, "events"))
          .withBean(Heard.class, Heard::new);

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void writesAndReadsPublishNoMappingEvents() {
    runner.run(
        context -> {
          MongoTemplate mongo = context.getBean(MongoTemplate.class);
          mongo.insert(new Note("n1", "Жол жөндеу"));
          assertThat(mongo.findById("n1", Note.class)).isEqualTo(new Note("n1", "Жол жөндеу"));
          assertThat(context.getBean(Heard.class).events).isEmpty();
        });
  }

  @Test
  void aServiceWithAListenerTurnsThemBackOn() {
    runner
        .withPropertyValues("forum.mongo.mapping-events=true")
        .run(
            context -> {
              context.getBean(MongoTemplate.class).insert(new Note("n2", "Школа"));
              assertThat(context.getBean(Heard.class).events)
                  .extracting(e -> e.getClass().getSimpleName())
                  .contains("BeforeConvertEvent", "BeforeSaveEvent", "AfterSaveEvent");
            });
  }

  record Note(@Id String id, String text) {}

  static final class Heard implements ApplicationListener<MongoMappingEvent<?>> {
    final List<MongoMappingEvent<?>> events = new CopyOnWriteArrayList<>();

    @Override
    public void onApplicationEvent(MongoMappingEvent<?> event) {
      events.add(event);
    }
  }
}
