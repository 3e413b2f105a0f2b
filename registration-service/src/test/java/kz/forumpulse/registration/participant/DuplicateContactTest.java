package kz.forumpulse.registration.participant;

import static kz.forumpulse.registration.TestApi.organiser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import kz.forumpulse.registration.RegistrationIntegrationTest;
import kz.forumpulse.registration.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One active registration per phone and per e-mail in a forum, whichever contact is the main one;
 * cancelling, declining or erasing frees both.
 */
@RegistrationIntegrationTest
class DuplicateContactTest {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  String forumId;

  @BeforeEach
  void forum() throws Exception {
    forumId = TestApi.createForum(mvc, null);
  }

  private ResultActions register(String phone, String email) throws Exception {
    String json =
        """
        {"fullName":"Гульнар Исмагулова","role":"MASLIKHAT_DEPUTY","district":"URALSK",
         "consent":true,"language":"ru"%s%s}
        """
            .formatted(
                phone == null ? "" : ",\"phone\":\"" + phone + "\"",
                email == null ? "" : ",\"email\":\"" + email + "\"");
    return mvc.perform(
        post("/api/forums/{id}/registrations", forumId)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private String created(ResultActions result) throws Exception {
    return result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
  }

  private void conflictWith(ResultActions result, String id) throws Exception {
    result
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("alreadyRegistered"))
        .andExpect(jsonPath("$.registrationId").value(id));
  }

  private long registrations() {
    return mongo.count(Query.query(Criteria.where("forumId").is(forumId)), Registration.class);
  }

  @Test
  void theSameEMailUnderAnotherPhoneOrTheSamePhoneIsADuplicate() throws Exception {
    String phone = TestApi.newPhone();
    String first = created(register(phone, "aigul@example.kz"));
    String id = JsonPath.read(first, "$.id");

    conflictWith(register(TestApi.newPhone(), "Aigul@Example.kz"), id);
    conflictWith(register(phone, null), id);
    conflictWith(register(phone, "other@example.kz"), id);
    conflictWith(register(null, "aigul@example.kz"), id);
    assertThat(registrations()).isEqualTo(1);

    // An e-mail-only registration is found under a later phone too.
    String mailOnly = JsonPath.read(created(register(null, "marat@example.kz")), "$.id");
    conflictWith(register(TestApi.newPhone(), "marat@example.kz"), mailOnly);
    assertThat(registrations()).isEqualTo(2);
  }

  @Test
  void cancellingFreesThePhoneAndTheEMail() throws Exception {
    String phone = TestApi.newPhone();
    String first = created(register(phone, "erlan@example.kz"));
    mvc.perform(
            delete("/api/me")
                .header("X-Participant-Code", (String) JsonPath.read(first, "$.accessCode")))
        .andExpect(status().isOk());

    created(register(TestApi.newPhone(), "erlan@example.kz"));
    created(register(phone, null));
  }

  @Test
  void erasureFreesTheEMail() throws Exception {
    String id = JsonPath.read(created(register(TestApi.newPhone(), "dana@example.kz")), "$.id");
    mvc.perform(
            delete("/api/forums/{f}/registrations/{id}/personal-data", forumId, id)
                .with(organiser()))
        .andExpect(status().isOk());

    created(register(TestApi.newPhone(), "dana@example.kz"));
  }

  @Test
  void registrationsStoredBeforeTheEMailKeyGetItAtStart() throws Exception {
    String id = JsonPath.read(created(register(TestApi.newPhone(), "old@example.kz")), "$.id");
    String twin = JsonPath.read(created(register(TestApi.newPhone(), "twin@example.kz")), "$.id");
    // As an earlier version stored them, including a pair that a race let share an e-mail.
    for (String each : new String[] {id, twin}) {
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(each)),
          new Update().unset("emailKey").set("email", "old@example.kz"),
          Registration.class);
    }

    Registrations.backfillEmailKeys(mongo);

    assertThat(mongo.findById(id, Registration.class).emailKey())
        .isEqualTo(Registrations.emailKey(forumId, "old@example.kz"));
    assertThat(mongo.findById(twin, Registration.class).emailKey()).isNull();
    conflictWith(register(TestApi.newPhone(), "old@example.kz"), id);
    // Running it again (every start) changes nothing.
    Registrations.backfillEmailKeys(mongo);
    assertThat(mongo.findById(twin, Registration.class).emailKey()).isNull();
  }
}
