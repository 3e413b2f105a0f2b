package kz.forumpulse.feedback.wall;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import kz.forumpulse.feedback.FeedbackIntegrationTest;
import kz.forumpulse.feedback.Fixtures;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@FeedbackIntegrationTest
class QuestionWallTest {

  @Autowired MockMvc mvc;

  Fixtures forum;
  String land;
  String internet;
  String anonymous;

  @BeforeEach
  void threeQuestions() throws Exception {
    forum = Fixtures.newForum(mvc);
    Fixtures.Participant aigul = forum.register("Айгуль Сапарова");
    Fixtures.Participant marat = forum.register("Марат Утегенов");
    Fixtures.Participant saule = forum.register("Сауле Каримова");
    land = forum.ask(aigul, "ZHER_AMANATY", "Когда вернут землю?");
    internet =
        forum.ask(
            marat,
            "{\"project\":\"OTHER\",\"text\":\"Когда будет интернет?\",\"sessionId\":\"plenary\"}");
    anonymous =
        forum.ask(
            saule,
            "{\"project\":\"OTHER\",\"text\":\"Почему дороги не ремонтируют?\",\"anonymous\":true,\"sessionId\":\"plenary\"}");
    // Two supporters for the internet question, one for the land question.
    support(internet, aigul);
    support(internet, saule);
    support(land, marat);
  }

  @Test
  void mostSupportedFirstAndAnonymousWithoutName() throws Exception {
    mvc.perform(get("/api/forums/{id}/questions?sort=supported", forum.forumId))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(internet, land, anonymous)))
        .andExpect(jsonPath("$.items[0].supportCount").value(2))
        .andExpect(jsonPath("$.items[0].authorName").value("Марат Утегенов"))
        .andExpect(jsonPath("$.items[2].anonymous").value(true))
        .andExpect(jsonPath("$.items[2].authorName").doesNotExist())
        .andExpect(jsonPath("$.items[0].participantId").doesNotExist())
        .andExpect(jsonPath("$.items[0].district").doesNotExist());
  }

  @Test
  void newestFirstFilteredAndPaged() throws Exception {
    mvc.perform(get("/api/forums/{id}/questions?sort=newest", forum.forumId))
        .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(anonymous, internet, land)));
    mvc.perform(get("/api/forums/{id}/questions?project=ZHER_AMANATY", forum.forumId))
        .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(land)));
    mvc.perform(get("/api/forums/{id}/questions?session=plenary&sort=newest", forum.forumId))
        .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(anonymous, internet)));
    mvc.perform(get("/api/forums/{id}/questions?sort=newest&page=1&size=2", forum.forumId))
        .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(land)))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.total").value(3));
    mvc.perform(get("/api/forums/{id}/questions?size=100000", forum.forumId))
        .andExpect(jsonPath("$.size").value(100));
    mvc.perform(get("/api/forums/{id}/questions?sort=loudest", forum.forumId))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
    mvc.perform(get("/api/forums/{id}/questions", "no-such-forum"))
        .andExpect(status().isNotFound());
  }

  private void support(String questionId, Fixtures.Participant who) throws Exception {
    mvc.perform(
            post("/api/forums/{f}/questions/{q}/support", forum.forumId, questionId)
                .header("X-Participant-Code", who.code()))
        .andExpect(status().isOk());
  }
}
