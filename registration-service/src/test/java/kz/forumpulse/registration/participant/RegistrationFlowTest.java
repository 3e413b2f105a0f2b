package kz.forumpulse.registration.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kz.forumpulse.events.AttendeeEvent;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ParticipantRegistered;
import kz.forumpulse.events.Topics;
import kz.forumpulse.registration.RegistrationIntegrationTest;
import kz.forumpulse.testsupport.EventProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RegistrationIntegrationTest
class RegistrationFlowTest {

  @Autowired MockMvc mvc;
  @Autowired MongoTemplate mongo;

  String forumId;

  @BeforeEach
  void createForum() throws Exception {
    String body =
        mvc.perform(
                post("/api/forums")
                    .with(httpBasic("organiser", "test-organiser"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"titleRu":"Форум сельских акимов","titleKk":"Ауыл әкімдерінің форумы",
                         "startsOn":"2026-12-10","venue":"Уральск","regionCode":"ZKO","capacity":300}
                        """))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.districts.length()").value(13))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    forumId = JsonPath.read(body, "$.id");
  }

  private String registration(String phone) {
    return """
        {"fullName":"Ерлан Жаксыбеков","role":"RURAL_AKIM","district":"TEREKTI",
         "ruralDistrict":"Федоровский сельский округ","elected":true,"partyMember":true,
         "phone":"%s","consent":true,"language":"kk"}
        """
        .formatted(phone);
  }

  @Test
  void registersAndPublishesAnEventWithoutContactDetails() throws Exception {
    String body =
        mvc.perform(
                post("/api/forums/{id}/registrations", forumId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(registration("8 (701) 555-12-34")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("REGISTERED"))
            .andExpect(jsonPath("$.accessCode").isString())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String participantId = JsonPath.read(body, "$.id");
    String accessCode = JsonPath.read(body, "$.accessCode");

    List<ConsumerRecord<String, byte[]>> records =
        EventProbe.readAll(
            Topics.ATTENDEES,
            Duration.ofSeconds(20),
            all -> all.stream().anyMatch(r -> new String(r.value()).contains(participantId)));
    ConsumerRecord<String, byte[]> record =
        records.stream()
            .filter(r -> new String(r.value()).contains(participantId))
            .findFirst()
            .orElseThrow();
    assertThat(record.key()).isEqualTo(forumId);
    String json = new String(record.value(), StandardCharsets.UTF_8);
    // Fragments long enough not to turn up by chance in the random ids and hash of the event.
    assertThat(json)
        .doesNotContain("5551234")
        .doesNotContain("555-12-34")
        .doesNotContain("+7701")
        .doesNotContain(accessCode);
    ParticipantRegistered event =
        (ParticipantRegistered) EventCodec.decode(record.value(), AttendeeEvent.class);
    assertThat(event.district()).isEqualTo("TEREKTI");
    assertThat(event.accessCodeHash()).isEqualTo(AccessCodes.hash(accessCode));

    Registration stored = mongo.findById(participantId, Registration.class);
    assertThat(stored.phone()).isEqualTo("+77015551234");
    assertThat(stored.accessCodeHash()).isNotEqualTo(accessCode);
    assertThat(stored.outbox()).as("outbox drained after publishing").isEmpty();
  }

  @Test
  void refusesTheSamePersonTwicePointingToTheFirstRegistration() throws Exception {
    String body =
        mvc.perform(
                post("/api/forums/{id}/registrations", forumId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(registration("+7 702 000 11 22")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String firstId = JsonPath.read(body, "$.id");

    mvc.perform(
            post("/api/forums/{id}/registrations", forumId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(registration("87020001122")))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.registrationId").value(firstId));
    assertThat(mongo.count(Query.query(Criteria.where("forumId").is(forumId)), Registration.class))
        .isEqualTo(1);
  }

  @Test
  void explainsEachInvalidFieldInTheCallersLanguage() throws Exception {
    mvc.perform(
            post("/api/forums/{id}/registrations", forumId)
                .header("Accept-Language", "kk")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"fullName":"","role":"KING","district":"TEREKTI","phone":"+77011112233","consent":false}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.errors[?(@.field=='fullName')].message").value("Міндетті өріс."))
        .andExpect(jsonPath("$.errors[?(@.field=='consent')].message").value("Келісім қажет."))
        .andExpect(jsonPath("$.errors[?(@.field=='role')]").exists());

    mvc.perform(
            post("/api/forums/{id}/registrations", forumId)
                .header("Accept-Language", "ru")
                .contentType(MediaType.APPLICATION_JSON)
                .content(registration("+77011112233").replace("TEREKTI", "MOSCOW")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("district"));

    assertThat(mongo.count(Query.query(Criteria.where("forumId").is(forumId)), Registration.class))
        .isZero();
  }

  @Test
  void unknownForumIsNotFoundAndOrganiserEndpointsNeedALogin() throws Exception {
    mvc.perform(
            post("/api/forums/{id}/registrations", "no-such-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .content(registration("+77013334455")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("forumNotFound"));
    mvc.perform(post("/api/forums").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/forums/{id}", forumId))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles[0].code").value("RURAL_AKIM"));
  }
}
