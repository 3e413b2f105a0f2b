package kz.forumpulse.localstack;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoBackend;
import java.util.List;
import kz.forumpulse.mongoemulator.InProcessMongoClients;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.mongodb.autoconfigure.MongoClientFactorySupport;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Gives a service started by the local stack a {@link MongoClient} that reaches the stack's own
 * MongoDB-compatible server in this JVM without a socket ({@link InProcessMongoClients}; ADR 0014).
 * The client is built from the same settings and customizers Spring Boot's auto-configuration would
 * use, which then backs off ({@code @ConditionalOnMissingBean}); only the transport differs.
 */
final class InProcessMongo {

  /** The name of Spring Boot's own client bean, which this one stands in for. */
  private static final String BEAN = "mongo";

  private InProcessMongo() {}

  static void register(GenericApplicationContext context, MongoBackend backend) {
    context.registerBean(
        BEAN,
        MongoClient.class,
        () -> client(context.getBeanFactory(), backend),
        definition -> definition.setDestroyMethodName("close"));
  }

  private static MongoClient client(ConfigurableListableBeanFactory beans, MongoBackend backend) {
    List<MongoClientSettingsBuilderCustomizer> customizers =
        beans.getBeanProvider(MongoClientSettingsBuilderCustomizer.class).orderedStream().toList();
    MongoClientSettings settings = beans.getBean(MongoClientSettings.class);
    return new MongoClientFactorySupport<MongoClient>(
        customizers,
        (s, driver) -> InProcessMongoClients.create(backend, s, driver)) {}.createMongoClient(
        settings);
  }
}
