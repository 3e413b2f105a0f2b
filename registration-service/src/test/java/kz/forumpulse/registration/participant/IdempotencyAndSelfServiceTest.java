package kz.forumpulse.registration.participant;

import static kz.forumpulse.registration.TestApi.organiser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kz.forumpulse.events.ParticipantErased;
import kz.forumpulse.events.ParticipantUpdated;
import kz.forumpulse.registration.RegistrationIntegrationTest;
import kz.forumpulse.registration.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RegistrationIntegrationTest
class IdempotencyAndSelfServiceTest {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  String forumId;

  @BeforeEach
  void forum() throws Exception {
    forumId = TestApi.createForum(mvc, null);
  }

  private ResultActions post(String key, String json) throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/api/forums/{id}/registrations", forumId)
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void aRetriedPostWithTheSameKeyReturnsTheFirstAnswer() throws Exception {
    String key = UUID.randomUUID().toString();
    String json = TestApi.registrationJson("Айгуль Сапарова", TestApi.newPhone(), null);
    String first =
        post(key, json)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String again =
        post(key, json)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(again).isEqualTo(first);
    assertThat(mongo.count(Query.query(Criteria.where("forumId").is(forumId)), Registration.class))
        .isEqualTo(1);
    // The replayed code works.
    mvc.perform(
            get("/api/me")
                .header("X-Participant-Code", (String) JsonPath.read(again, "$.accessCode")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fullName").value("Айгуль Сапарова"));

    // The same key with another body is a client bug: 422, nothing stored.
    post(key, TestApi.registrationJson("Другой человек", TestApi.newPhone(), null))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("idempotencyKeyReused"));
    // The same person under a new key is a duplicate: 409 pointing to the registration.
    post(UUID.randomUUID().toString(), json)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.registrationId").value((String) JsonPath.read(first, "$.id")));
    assertThat(mongo.count(Query.query(Criteria.where("forumId").is(forumId)), Registration.class))
        .isEqualTo(1);
  }

  @Test
  void parallelRetriesWithOneKeyMakeOneRegistrationAndOneAnswer() throws Exception {
    String key = UUID.randomUUID().toString();
    String json = TestApi.registrationJson("Параллельный", TestApi.newPhone(), null);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    java.util.List<java.util.concurrent.Callable<String>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(
          () ->
              post(key, json)
                  .andExpect(status().isCreated())
                  .andReturn()
                  .getResponse()
                  .getContentAsString(StandardCharsets.UTF_8));
    }
    java.util.Set<String> answers = new java.util.HashSet<>();
    try {
      for (java.util.concurrent.Future<String> answer : pool.invokeAll(calls)) {
        answers.add(answer.get());
      }
    } finally {
      pool.shutdown();
    }
    assertThat(answers).hasSize(1);
    assertThat(mongo.count(Query.query(Criteria.where("forumId").is(forumId)), Registration.class))
        .isEqualTo(1);
  }

  @Test
  void theParticipantViewsEditsAndCancelsWithTheirCode() throws Exception {
    String body = TestApi.register(mvc, forumId);
    String id = JsonPath.read(body, "$.id");
    String code = JsonPath.read(body, "$.accessCode");

    mvc.perform(get("/api/me").header("X-Participant-Code", code))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.consentTextVersion").isString());
    mvc.perform(
            patch("/api/me")
                .header("X-Participant-Code", code)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"fullName\":\"Ерлан Жаксыбеков\",\"position\":\"аким\",\"language\":\"ru\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.fullName").value("Ерлан Жаксыбеков"))
        .andExpect(jsonPath("$.language").value("ru"));
    mvc.perform(
            patch("/api/me")
                .header("X-Participant-Code", code)
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"fr\",\"sessions\":[\"NOPE\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("language"))
        .andExpect(jsonPath("$.errors[0].message").value("Choose ru or kk."));
    mvc.perform(get("/api/me").header("X-Participant-Code", "WRONGCODE0000000000X"))
        .andExpect(status().isNotFound());

    ParticipantUpdated updated = (ParticipantUpdated) TestApi.attendeeEvents(id, 2).get(1);
    assertThat(updated.fullName()).isEqualTo("Ерлан Жаксыбеков");
    assertThat(updated.language()).isEqualTo("ru");

    mvc.perform(delete("/api/me").header("X-Participant-Code", code))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CANCELLED"));
    // Cancelled: the same person may register again.
    Registration stored = mongo.findById(id, Registration.class);
    TestApi.register(
        mvc, forumId, TestApi.registrationJson("Ерлан Жаксыбеков", stored.phone(), null));
  }

  @Test
  void erasureRemovesPersonalDataAndKeepsAnAnonymousCount() throws Exception {
    String body = TestApi.register(mvc, forumId);
    String id = JsonPath.read(body, "$.id");
    String code = JsonPath.read(body, "$.accessCode");

    mvc.perform(delete("/api/forums/{f}/registrations/{id}/personal-data", forumId, id))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            delete("/api/forums/{f}/registrations/{id}/personal-data", forumId, id)
                .with(organiser()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.erased").value(true))
        .andExpect(jsonPath("$.fullName").doesNotExist())
        .andExpect(jsonPath("$.phone").doesNotExist())
        .andExpect(jsonPath("$.district").value("TEREKTI"));

    Registration stored = mongo.findById(id, Registration.class);
    assertThat(stored.fullName()).isNull();
    assertThat(stored.phone()).isNull();
    assertThat(stored.ruralDistrict()).isNull();
    assertThat(stored.status()).isEqualTo("REGISTERED");
    mvc.perform(get("/api/me").header("X-Participant-Code", code)).andExpect(status().isNotFound());
    mvc.perform(get("/api/forums/{f}/registrations/summary", forumId).with(organiser()))
        .andExpect(jsonPath("$.byStatus.REGISTERED").value(1));
    assertThat(TestApi.attendeeEvents(id, 2).get(1)).isInstanceOf(ParticipantErased.class);
  }

  @Test
  void organisersListAndFilterRegistrations() throws Exception {
    TestApi.register(
        mvc,
        forumId,
        TestApi.registrationJson("Иван Бурлинский", TestApi.newPhone(), null)
            .replace("TEREKTI", "BURLIN"));
    TestApi.register(
        mvc,
        forumId,
        TestApi.registrationJson("Гость Теректы", TestApi.newPhone(), null)
            .replace("RURAL_AKIM", "GUEST"));
    TestApi.register(mvc, forumId);

    mvc.perform(get("/api/forums/{f}/registrations", forumId).with(organiser()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(3));
    mvc.perform(get("/api/forums/{f}/registrations?district=BURLIN", forumId).with(organiser()))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].fullName").value("Иван Бурлинский"));
    mvc.perform(
            get("/api/forums/{f}/registrations?role=GUEST&status=REGISTERED", forumId)
                .with(organiser()))
        .andExpect(jsonPath("$.total").value(1));
    mvc.perform(get("/api/forums/{f}/registrations?q=бурлин", forumId).with(organiser()))
        .andExpect(jsonPath("$.total").value(1));
    mvc.perform(get("/api/forums/{f}/registrations?q=.*", forumId).with(organiser()))
        .andExpect(jsonPath("$.total").value(0));
    mvc.perform(get("/api/forums/{f}/registrations?size=2&page=1", forumId).with(organiser()))
        .andExpect(jsonPath("$.items.length()").value(1));
    mvc.perform(get("/api/forums/{f}/registrations", forumId)).andExpect(status().isUnauthorized());
  }
}
