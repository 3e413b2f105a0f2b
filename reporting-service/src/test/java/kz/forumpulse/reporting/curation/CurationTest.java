package kz.forumpulse.reporting.curation;

import static kz.forumpulse.reporting.TestEvents.publish;
import static kz.forumpulse.reporting.TestEvents.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.Topics;
import kz.forumpulse.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Moderators merge, move, rename and undo; the curated FAQ survives a rebuild. */
@ReportingIntegrationTest
class CurationTest {

  @Autowired MockMvc mvc;

  final String forumId = "cur-" + UUID.randomUUID();

  @Test
  void mergeMoveRenameUndoAndRebuild() throws Exception {
    QuestionSubmitted term1 =
        question(forumId, "AUYL_AMANATY", "Какой срок погашения микрокредита?", "TEREKTI");
    QuestionSubmitted term2 =
        question(
            forumId, "AUYL_AMANATY", "На какой срок дают микрокредит по Ауыл аманаты?", "BURLIN");
    QuestionSubmitted docs =
        question(forumId, "AUYL_AMANATY", "Какие документы нужны для микрокредита?", "SYRYM");
    for (QuestionSubmitted q : List.of(term1, term2, docs)) {
      publish(Topics.QUESTIONS, q);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> total() == 3);
    List<String> groups = JsonPath.read(faq("ru"), "$.groups[*].groupId");
    assertThat(groups).hasSizeGreaterThanOrEqualTo(2);
    String docsGroup = groupOf(docs);
    String termGroup = groupOf(term1);

    // Merge the documents group into the term group: one entry of 3.
    String merged =
        mvc.perform(
                post("/api/forums/{id}/faq/merges", forumId)
                    .with(httpBasic("moderator", "test-moderator"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"project":"AUYL_AMANATY","sourceGroupId":"%s","targetGroupId":"%s"}
                        """
                            .formatted(docsGroup, termGroup)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String mergeId = JsonPath.read(merged, "$.eventId");
    assertThat(groupsOf(faq("ru"))).contains(termGroup).doesNotContain(docsGroup);
    assertThat((Integer) JsonPath.read(faq("ru"), "$.groups[0].count"))
        .isEqualTo(countOf(termGroup));

    // Kazakh text for the group, shown to Kazakh readers.
    mvc.perform(
            put("/api/forums/{id}/faq/groups/{g}/representative", forumId, termGroup)
                .with(httpBasic("moderator", "test-moderator"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"project\":\"AUYL_AMANATY\",\"language\":\"kk\",\"text\":\"Микронесие мерзімі мен құжаттар\"}"))
        .andExpect(status().isCreated());
    assertThat(faq("kk")).contains("Микронесие мерзімі мен құжаттар");

    // Move the documents question out on its own; the merged group shrinks.
    mvc.perform(
            post("/api/forums/{id}/faq/moves", forumId)
                .with(httpBasic("moderator", "test-moderator"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"project\":\"AUYL_AMANATY\",\"questionId\":\"%s\"}"
                        .formatted(docs.questionId().value())))
        .andExpect(status().isCreated());
    assertThat(groupsOf(faq("ru")))
        .contains(CurationOverlay.OWN_GROUP_PREFIX + docs.questionId().value());

    // Undo the merge: the moved question stays on its own.
    mvc.perform(
            post("/api/forums/{id}/faq/curation/{a}/undo", forumId, mergeId)
                .with(httpBasic("moderator", "test-moderator")))
        .andExpect(status().isNoContent());
    mvc.perform(
            get("/api/forums/{id}/faq/curation", forumId)
                .with(httpBasic("moderator", "test-moderator")))
        .andExpect(jsonPath("$.length()").value(3))
        .andExpect(jsonPath("$[0].undone").value(true));
    assertThat((Integer) JsonPath.read(faq("ru"), "$.questions")).isEqualTo(3);

    // Bad curation input changes nothing.
    mvc.perform(
            post("/api/forums/{id}/faq/merges", forumId)
                .with(httpBasic("moderator", "test-moderator"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"project\":\"AUYL_AMANATY\",\"sourceGroupId\":\"%s\",\"targetGroupId\":\"%s\"}"
                        .formatted(termGroup, termGroup)))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/forums/{id}/faq/merges", forumId)
                .with(httpBasic("analyst", "test-analyst"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isForbidden());

    // The curated FAQ survives a rebuild from the topics.
    String before = faq("kk");
    mvc.perform(post("/api/reports/rebuild").with(httpBasic("organiser", "test-organiser")))
        .andExpect(status().isAccepted());
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/reports/rebuild").with(httpBasic("organiser", "test-organiser")))
                    .andExpect(jsonPath("$.state").value("DONE")));
    assertThat(faq("kk")).isEqualTo(before);
  }

  private int countOf(String groupId) throws Exception {
    List<Integer> counts =
        JsonPath.read(faq("ru"), "$.groups[?(@.groupId=='" + groupId + "')].count");
    return counts.get(0);
  }

  private String groupOf(QuestionSubmitted q) throws Exception {
    List<String> ids = JsonPath.read(faq("ru"), "$.groups[*].groupId");
    for (String g : ids) {
      String members =
          mvc.perform(
                  get("/api/forums/{id}/reports/faq/groups/{g}/questions", forumId, g)
                      .param("project", "AUYL_AMANATY")
                      .with(httpBasic("moderator", "test-moderator")))
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      if (members.contains(q.questionId().value())) {
        return g;
      }
    }
    throw new AssertionError("no group holds " + q.questionId());
  }

  private static List<String> groupsOf(String faq) {
    return JsonPath.read(faq, "$.groups[*].groupId");
  }

  private int total() throws Exception {
    return JsonPath.read(faq("ru"), "$.questions");
  }

  private String faq(String lang) throws Exception {
    return mvc.perform(
            get("/api/forums/{id}/reports/faq", forumId)
                .param("project", "AUYL_AMANATY")
                .header("Accept-Language", lang)
                .with(httpBasic("moderator", "test-moderator")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
