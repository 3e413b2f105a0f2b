package kz.forumpulse.reporting.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import kz.forumpulse.reporting.TestEvents;
import kz.forumpulse.reporting.store.Generation;
import kz.forumpulse.reporting.store.ReportStamps;
import kz.forumpulse.reporting.store.ReportStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The FAQ report is served from memory while the forum's stamp stands still, and recomputed once
 * any instance moves it on after a change: at once for this instance's changes, within the stamp's
 * re-check time for another's.
 */
@ReportingIntegrationTest
class FaqReportCacheTest {

  @Autowired FaqProjection faq;
  @Autowired FaqReports reports;
  @Autowired ReportStamps stamps;
  @Autowired ReportStore store;
  @Autowired MongoTemplate mongo;
  @Autowired MockMvc mvc;

  final String forumId = "cache-" + UUID.randomUUID();
  final FaqFilter all = new FaqFilter(null, null, null, null, null, null);
  long offset = 1000;

  @AfterEach
  void cleanUp() {
    mongo.remove(Query.query(Criteria.where("forumId").is(forumId)), gen().groups());
    mongo.remove(Query.query(Criteria.where("forumId").is(forumId)), gen().questions());
  }

  @Test
  void aChangeShowsAsSoonAsItsStampMovesOnAndNotBefore() {
    apply(submitted("Когда отремонтируют дорогу в село?"));
    apply(submitted("Когда отремонтируют дорогу до села?"));
    FaqReport first = report();
    assertThat(first.questions()).isEqualTo(2);

    // Another instance has written a group and not yet moved the stamp: the report may lag.
    String group = first.groups().get(0).groupId();
    mongo.updateFirst(
        Query.query(Criteria.where("forumId").is(forumId).and("groupId").is(group)),
        new Update().inc("count", 1),
        gen().groups());
    assertThat(report()).isSameAs(first);

    // ...then it moves the stamp on: every instance recomputes, within the re-check time.
    stamps.changed(List.of(forumId), gen());
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(report().questions()).isEqualTo(3));

    // A change applied here shows at once: its live signal drops the stamp read before.
    apply(submitted("Как получить грант на бизнес в ауле?"));
    assertThat(report().questions()).isEqualTo(4);
  }

  @Test
  void filtersAndLanguagesAreCachedApart() {
    apply(submitted("Когда отремонтируют дорогу в село?"));
    FaqReport ru = report();
    FaqReport filtered =
        reports.faq(
            forumId,
            new FaqFilter("ROADS", null, null, null, null, null),
            50,
            Locale.forLanguageTag("ru"));
    FaqReport kk = reports.faq(forumId, all, 50, Locale.forLanguageTag("kk"));
    assertThat(ru.questions()).isEqualTo(1);
    assertThat(filtered.questions()).isZero();
    assertThat(kk).isNotSameAs(ru);
  }

  @Test
  void aScreenAskingAgainGetsNotModifiedUntilTheReportChanges() throws Exception {
    apply(submitted("Когда отремонтируют дорогу в село?"));
    String url = "/api/forums/" + forumId + "/reports/faq";
    String etag =
        mvc.perform(get(url).with(httpBasic("organiser", "test-organiser")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.questions").value(1))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    assertThat(etag).isNotBlank();
    mvc.perform(
            get(url).header("If-None-Match", etag).with(httpBasic("organiser", "test-organiser")))
        .andExpect(status().isNotModified());

    apply(submitted("Как получить грант на бизнес в ауле?"));
    mvc.perform(
            get(url).header("If-None-Match", etag).with(httpBasic("organiser", "test-organiser")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.questions").value(2))
        .andExpect(header().string("ETag", org.hamcrest.Matchers.not(etag)));
  }

  private FaqReport report() {
    return reports.faq(forumId, all, 50, Locale.forLanguageTag("ru"));
  }

  private Generation gen() {
    return store.active();
  }

  private void apply(QuestionSubmitted q) {
    faq.apply(q, ++offset, gen());
  }

  private QuestionSubmitted submitted(String text) {
    return TestEvents.question(forumId, "AUYL_AMANATY", text, "TEREKTI");
  }
}
