package kz.forumpulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The walking skeleton end to end: register, ask, and see both in the reports. */
class RegisterAskReportTest {

  static ForumPulseSystem system;

  @BeforeAll
  static void start() {
    system = ForumPulseSystem.get();
  }

  @Test
  void registeredParticipantsAndTheirQuestionsReachTheReports() {
    HttpResponse<String> forum =
        system.post(
            system.registration + "/api/forums",
            """
            {"titleRu":"Форум сельских акимов ЗКО","titleKk":"БҚО ауыл әкімдерінің форумы",
             "startsOn":"2026-12-10","venue":"Уральск","regionCode":"ZKO","capacity":300}
            """,
            ForumPulseSystem.organiser());
    assertThat(forum.statusCode()).isEqualTo(201);
    String forumId = JsonPath.read(forum.body(), "$.id");

    String akim = register(forumId, "Айдос Нурланов", "RURAL_AKIM", "TEREKTI", "+77015550001");
    String deputy =
        register(forumId, "Гульнар Ахметова", "MASLIKHAT_DEPUTY", "BURLIN", "+77015550002");

    // feedback-service learns participants from the attendee topic; submission waits for it.
    ask(forumId, akim, "AUYL_AMANATY", "Какой срок погашения микрокредита по Ауыл аманаты?", false);
    ask(
        forumId,
        deputy,
        "AUYL_AMANATY",
        "Какой срок погашения микрокредита по «Ауыл аманаты»?",
        true);
    ask(forumId, deputy, "ZHER_AMANATY", "Жерді мемлекетке қайтару қалай жүреді?", false);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              HttpResponse<String> attendance =
                  system.get(
                      system.reporting + "/api/forums/" + forumId + "/reports/attendance",
                      ForumPulseSystem.organiser());
              assertThat(attendance.statusCode()).isEqualTo(200);
              assertThat((Integer) JsonPath.read(attendance.body(), "$.total")).isEqualTo(2);
              assertThat((Integer) JsonPath.read(attendance.body(), "$.byDistrict.TEREKTI"))
                  .isEqualTo(1);
              assertThat((Integer) JsonPath.read(attendance.body(), "$.byRole.MASLIKHAT_DEPUTY"))
                  .isEqualTo(1);
            });

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              HttpResponse<String> faq =
                  system.get(
                      system.reporting
                          + "/api/forums/"
                          + forumId
                          + "/reports/faq?project=AUYL_AMANATY",
                      ForumPulseSystem.organiser());
              assertThat(faq.statusCode()).isEqualTo(200);
              List<Integer> counts = JsonPath.read(faq.body(), "$.groups[*].count");
              assertThat(counts).containsExactly(2);
              String text = JsonPath.read(faq.body(), "$.groups[0].representativeText");
              assertThat(text).contains("срок погашения");
              Map<String, Integer> districts = JsonPath.read(faq.body(), "$.groups[0].districts");
              assertThat(districts).containsEntry("TEREKTI", 1).containsEntry("BURLIN", 1);
              assertThat(faq.body()).doesNotContain("Гульнар").doesNotContain("Айдос");
            });
  }

  @Test
  void contactDetailsAndAccessCodesNeverLeaveRegistrationService() {
    HttpResponse<String> forum =
        system.post(
            system.registration + "/api/forums",
            """
            {"titleRu":"Форум депутатов","titleKk":"Депутаттар форумы",
             "startsOn":"2026-12-11","venue":"Уральск","regionCode":"ZKO","capacity":50}
            """,
            ForumPulseSystem.organiser());
    String forumId = JsonPath.read(forum.body(), "$.id");
    HttpResponse<String> response =
        system.post(
            system.registration + "/api/forums/" + forumId + "/registrations",
            """
            {"fullName":"Жанар Сейткали","role":"MASLIKHAT_DEPUTY","district":"SYRYM",
             "phone":"8 (777) 912-34-56","email":"Zhanar.Seitkali@example.kz","consent":true}
            """,
            Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String code = JsonPath.read(response.body(), "$.accessCode");
    String participantId = JsonPath.read(response.body(), "$.id");
    ask(forumId, code, "OTHER", "Когда в Сырымском районе улучшат мобильную связь?", false);

    for (String topic :
        List.of(
            kz.forumpulse.events.Topics.FORUMS,
            kz.forumpulse.events.Topics.ATTENDEES,
            kz.forumpulse.events.Topics.QUESTIONS,
            kz.forumpulse.events.Topics.CATALOGUE)) {
      var records =
          kz.forumpulse.testsupport.EventProbe.readAll(topic, Duration.ofSeconds(10), all -> false);
      for (var record : records) {
        String value = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(value)
            .as("a record on " + topic)
            .doesNotContain("7779123456")
            .doesNotContain("912-34-56")
            .doesNotContainIgnoringCase("zhanar.seitkali@example.kz")
            .doesNotContain(code);
      }
      if (topic.equals(kz.forumpulse.events.Topics.ATTENDEES)) {
        assertThat(records)
            .anyMatch(
                r ->
                    new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains(participantId));
      }
    }
  }

  @Test
  void reportsAreForStaffOnly() {
    HttpResponse<String> anonymous =
        system.get(system.reporting + "/api/forums/any/reports/attendance", Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private String register(String forumId, String name, String role, String district, String phone) {
    HttpResponse<String> response =
        system.post(
            system.registration + "/api/forums/" + forumId + "/registrations",
            """
            {"fullName":"%s","role":"%s","district":"%s","ruralDistrict":"Аксуатский сельский округ",
             "elected":true,"partyMember":true,"phone":"%s","consent":true}
            """
                .formatted(name, role, district, phone),
            Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JsonPath.read(response.body(), "$.accessCode");
  }

  private void ask(String forumId, String code, String project, String text, boolean anonymous) {
    HttpResponse<String> response =
        system.post(
            system.feedback + "/api/forums/" + forumId + "/questions",
            """
            {"project":"%s","text":"%s","anonymous":%s}
            """
                .formatted(project, text, anonymous),
            Map.of("X-Participant-Code", code));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }
}
