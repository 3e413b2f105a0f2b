package kz.forumpulse.support.mongo;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Spring Data's {@link MongoTemplate} publishes application events around every document it maps
 * ({@code BeforeConvertEvent}, {@code BeforeSaveEvent}, {@code AfterSaveEvent}, {@code
 * AfterLoadEvent} ...) for listeners none of these services has: three events and their listener
 * look-ups per write, about 1 % of the CPU per write in the benchmark (docs/benchmark.md). They are
 * off; a service that adds such a listener sets {@code forum.mongo.mapping-events=true}.
 */
@AutoConfiguration
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnProperty(
    name = "forum.mongo.mapping-events",
    havingValue = "false",
    matchIfMissing = true)
public class MongoMappingEventsConfiguration {

  @Bean
  static BeanPostProcessor mongoTemplateWithoutMappingEvents() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof MongoTemplate template) {
          template.setEntityLifecycleEventsEnabled(false);
        }
        return bean;
      }
    };
  }
}
