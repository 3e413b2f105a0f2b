package kz.forumpulse.support.health;

import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code mongo} health component (part of the readiness group), as a {@code ping} on the admin
 * database: Boot's own indicator sends {@code hello} to the service's database, which MongoDB
 * answers but the embedded mongo-java-server does not, so readiness would never be UP there. {@code
 * ping} is answered by both.
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
    afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({HealthIndicator.class, MongoTemplate.class})
public class MongoHealthConfiguration {

  @Bean(name = "mongoHealthContributor")
  @ConditionalOnBean(MongoTemplate.class)
  @ConditionalOnMissingBean(name = "mongoHealthContributor")
  HealthIndicator mongoHealthContributor(MongoTemplate mongo) {
    return new MongoPingHealthIndicator(mongo);
  }

  /** Up when the server answers {@code ping} (within the driver's server-selection timeout). */
  static final class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo) {
      super("MongoDB health check failed");
      this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
      Document answer =
          mongo
              .getMongoDatabaseFactory()
              .getMongoDatabase("admin")
              .runCommand(new Document("ping", 1));
      builder
          .up()
          .withDetail("database", mongo.getDb().getName())
          .withDetail("ping", answer.get("ok"));
    }
  }
}
