package kz.forumpulse.registration.forum;

import static kz.forumpulse.registration.TestApi.organiser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ForumEvent;
import kz.forumpulse.events.ForumUpdated;
import kz.forumpulse.events.Topics;
import kz.forumpulse.registration.RegistrationIntegrationTest;
import kz.forumpulse.registration.TestApi;
import kz.forumpulse.testsupport.EventProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RegistrationIntegrationTest
class ForumEditingTest {

  @Autowired MockMvc mvc;

  @Test
  void anOrganiserEditsAForumRaisingCapacityPromotesAndForumUpdatedIsPublished() throws Exception {
    String forumId = TestApi.createForum(mvc, "\"capacity\":1");
    TestApi.register(mvc, forumId);
    String waiting = TestApi.register(mvc, forumId);
    assertThat((String) JsonPath.read(waiting, "$.status")).isEqualTo("WAITLISTED");

    mvc.perform(
            patch("/api/forums/{id}", forumId)
                .with(organiser())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"capacity":2,"venue":"Уральск, Дворец культуры","requiresApproval":false,
                     "expectedRevision":0,
                     "sessions":[{"code":"PLENARY","titleRu":"Пленарное","titleKk":"Пленарлық","capacity":50}]}
                    """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.capacity").value(2))
        .andExpect(jsonPath("$.revision").value(1))
        .andExpect(jsonPath("$.sessions[0].code").value("PLENARY"));

    String waitingId = JsonPath.read(waiting, "$.id");
    assertThat(TestApi.attendeeEvents(waitingId, 3).get(2).type()).isEqualTo("ParticipantPromoted");

    List<ConsumerRecord<String, byte[]>> records =
        EventProbe.readAll(
            Topics.FORUMS,
            Duration.ofSeconds(30),
            all -> all.stream().anyMatch(r -> isUpdateOf(r, forumId)));
    ForumUpdated updated =
        (ForumUpdated)
            records.stream()
                .filter(r -> isUpdateOf(r, forumId))
                .map(r -> EventCodec.decode(r.value(), ForumEvent.class))
                .findFirst()
                .orElseThrow();
    assertThat(updated.capacity()).isEqualTo(2);
    assertThat(updated.revision()).isEqualTo(1);
    assertThat(updated.sessions()).hasSize(1);

    // A stale edit is refused; so is removing a session participants may have chosen.
    mvc.perform(
            patch("/api/forums/{id}", forumId)
                .with(organiser())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"capacity\":5,\"expectedRevision\":0}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("forumChangedMeanwhile"));
    mvc.perform(
            patch("/api/forums/{id}", forumId)
                .with(organiser())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessions\":[]}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("sessionCannotBeRemoved"));
    mvc.perform(
            patch("/api/forums/{id}", forumId)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"capacity\":5}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            patch("/api/forums/{id}", forumId)
                .with(organiser())
                .header("Accept-Language", "kk")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"registrationOpensAt\":\"2026-12-01T00:00:00Z\",\"registrationClosesAt\":\"2026-11-01T00:00:00Z\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("registrationClosesAt"));
  }

  private static boolean isUpdateOf(ConsumerRecord<String, byte[]> record, String forumId) {
    String json = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
    return forumId.equals(record.key()) && json.contains("\"type\":\"ForumUpdated\"");
  }
}
