package kz.forumpulse.feedback.metoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.forumpulse.events.QuestionEvent;
import kz.forumpulse.events.QuestionSupportWithdrawn;
import kz.forumpulse.events.QuestionSupported;
import kz.forumpulse.feedback.FeedbackIntegrationTest;
import kz.forumpulse.feedback.Fixtures;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@FeedbackIntegrationTest
class SupportTest {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  Fixtures forum;
  Fixtures.Participant author;
  String questionId;

  @BeforeEach
  void aPublishedQuestion() throws Exception {
    forum = Fixtures.newForum(mvc);
    author = forum.register("Айгуль Сапарова");
    questionId = forum.ask(author, "AUYL_AMANATY", "Какая ставка по микрокредиту?");
  }

  @Test
  void supportIsOncePerParticipantWithdrawableAndEachChangeIsAnEvent() throws Exception {
    Fixtures.Participant marat = forum.register("Марат Утегенов", "BURLIN", "MASLIKHAT_DEPUTY");

    support(marat).andExpect(status().isOk()).andExpect(jsonPath("$.supportCount").value(1));
    // Repeating is harmless: same answer, no second vote, no second event.
    support(marat)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.supported").value(true))
        .andExpect(jsonPath("$.supportCount").value(1));
    withdraw(marat)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.supported").value(false))
        .andExpect(jsonPath("$.supportCount").value(0));
    withdraw(marat).andExpect(status().isOk()).andExpect(jsonPath("$.supportCount").value(0));
    support(marat).andExpect(status().isOk()).andExpect(jsonPath("$.supportCount").value(1));

    List<QuestionEvent> events =
        forum.questionEvents(
            all -> all.stream().filter(e -> !e.type().equals("QuestionSubmitted")).count() >= 3);
    List<QuestionEvent> votes =
        events.stream().filter(e -> !e.type().equals("QuestionSubmitted")).toList();
    assertThat(votes).hasSize(3);
    assertThat(votes.get(0)).isInstanceOf(QuestionSupported.class);
    assertThat(votes.get(1)).isInstanceOf(QuestionSupportWithdrawn.class);
    assertThat(votes.get(2)).isInstanceOf(QuestionSupported.class);
    QuestionSupported first = (QuestionSupported) votes.get(0);
    assertThat(first.participantId().value()).isEqualTo(marat.id());
    assertThat(first.district()).isEqualTo("BURLIN");
    assertThat(first.role()).isEqualTo("MASLIKHAT_DEPUTY");
    assertThat(first.supportCount()).isEqualTo(1);
    assertThat(((QuestionSupportWithdrawn) votes.get(1)).supportCount()).isZero();
    // A supporter's name never travels with a vote.
    assertThat(events.toString()).doesNotContain("Марат");
  }

  @Test
  void concurrentSupportersAreAllCountedExactlyOnce() throws Exception {
    List<Fixtures.Participant> supporters = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      supporters.add(forum.registerAsync("Участник " + i, "TEREKTI", "GUEST"));
    }
    supporters.add(forum.register("Последний", "TEREKTI", "GUEST"));

    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (Fixtures.Participant p : supporters) {
        // Each supports twice, concurrently with everyone else.
        calls.add(() -> support(p).andReturn().getResponse().getStatus());
        calls.add(() -> support(p).andReturn().getResponse().getStatus());
      }
      for (Future<Integer> f : pool.invokeAll(calls)) {
        assertThat(f.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    mvc.perform(get("/api/forums/{id}/questions", forum.forumId))
        .andExpect(jsonPath("$.items[0].supportCount").value(9));
    List<QuestionEvent> events =
        forum.questionEvents(
            all -> all.stream().filter(QuestionSupported.class::isInstance).count() >= 9);
    List<Integer> counts =
        events.stream()
            .filter(QuestionSupported.class::isInstance)
            .map(e -> ((QuestionSupported) e).supportCount())
            .toList();
    // One event per supporter, counts 1..9 in topic order: no lost or double vote.
    assertThat(counts).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void onlyOthersPublishedQuestionsCanBeSupported() throws Exception {
    support(author)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("ownQuestion"));
    mvc.perform(
            post("/api/forums/{f}/questions/{q}/support", forum.forumId, "no-such-question")
                .header("X-Participant-Code", author.code()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("questionNotFound"));
    mvc.perform(post("/api/forums/{f}/questions/{q}/support", forum.forumId, questionId))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("unknownParticipantCode"));
  }

  @Test
  void votesThroughAnotherInstanceOrItsModerationAreNeverOverwritten() throws Exception {
    // This instance asked the question, so it knows the question's revision and votes without a
    // read first. Another instance (here: a write straight to the database, as its vote would be)
    // then counts two votes: the guess is stale, and the next vote here must count on top of them.
    Fixtures.Participant marat = forum.register("Марат Утегенов");
    byAnotherInstance(
        new Update()
            .addToSet("supporters")
            .each("elsewhere-1", "elsewhere-2")
            .set("supportCount", 2)
            .inc("revision", 1));
    support(marat).andExpect(status().isOk()).andExpect(jsonPath("$.supportCount").value(3));
    assertThat(stored().getList("supporters", String.class))
        .containsExactlyInAnyOrder("elsewhere-1", "elsewhere-2", marat.id());

    // Rejected by a moderator through another instance: refused, although this instance's last
    // vote saw it published.
    Fixtures.Participant dana = forum.register("Дана Ержанова");
    byAnotherInstance(new Update().set("status", "REJECTED").inc("revision", 1));
    support(dana)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("questionNotOpenForSupport"));

    // Published again there: this instance's refusal came from a read, not from a guess it keeps.
    byAnotherInstance(new Update().set("status", "PUBLISHED").inc("revision", 1));
    support(dana).andExpect(status().isOk()).andExpect(jsonPath("$.supportCount").value(4));
    assertThat(stored().getInteger("supportCount")).isEqualTo(4);
  }

  private void byAnotherInstance(Update update) {
    mongo.updateFirst(Query.query(Criteria.where("_id").is(questionId)), update, "questions");
  }

  private Document stored() {
    return mongo.findById(questionId, Document.class, "questions");
  }

  private ResultActions support(Fixtures.Participant p) throws Exception {
    return mvc.perform(
        post("/api/forums/{f}/questions/{q}/support", forum.forumId, questionId)
            .header("X-Participant-Code", p.code()));
  }

  private ResultActions withdraw(Fixtures.Participant p) throws Exception {
    return mvc.perform(
        delete("/api/forums/{f}/questions/{q}/support", forum.forumId, questionId)
            .header("X-Participant-Code", p.code()));
  }
}
