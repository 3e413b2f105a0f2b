package kz.forumpulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Logs never contain personal data or access codes. The three services run in this JVM and share
 * one Logback context, so an appender on the root logger sees every line any of them writes — at
 * the production default (INFO) for everything and DEBUG for the project's own packages — while a
 * participant goes through the whole life cycle, including the mistakes and attacks that make
 * frameworks log request details (malformed JSON, invalid fields, wrong codes).
 */
class LogScanTest {

  private static final String PROJECT = "kz.forumpulse";

  // Distinctive values, so a hit can only come from this scenario.
  private static final String NAMED = "Динара Жумабекова";
  private static final String ANONYMOUS = "Бауыржан Тлеуов";
  private static final String RENAMED = "Динара Жумабекова-Оспанова";
  private static final String PHONE_TYPED = "+7 (705) 318-42-67";
  private static final String PHONE_OTHER = "8 702 441 77 35";
  private static final String EMAIL = "Dinara.Zhumabekova@example.kz";
  private static final String BAD_EMAIL = "dinara.zhumabekova@@example";
  private static final String BAD_PHONE = "+7 905 318-42-67";
  private static final String BAD_PHONE_TOKEN = "87053184267zz";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void logsNeverContainPersonalDataOrCodes() {
    // Started before capturing: each Spring Boot start re-initialises Logback and would drop the
    // appender.
    ForumPulseSystem system = ForumPulseSystem.get();
    Scenario scenario;
    List<String> lines;
    try (CapturedLog log = CapturedLog.attach()) {
      String canary = "canary-" + UUID.randomUUID();
      LoggerFactory.getLogger(PROJECT + ".registration.participant.RegistrationController")
          .debug("{}", canary);
      scenario = runScenario(system);
      lines = log.lines();
      assertThat(lines)
          .as("the capture sees DEBUG lines of the project's packages")
          .anyMatch(line -> line.contains(canary));
    }

    List<String> forbidden = forbidden(scenario);
    List<String> leaks = new ArrayList<>();
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      List<String> found =
          forbidden.stream().filter(v -> lower.contains(v.toLowerCase(Locale.ROOT))).toList();
      if (!found.isEmpty()) {
        leaks.add(found + " in: " + line);
      }
    }
    assertThat(leaks).as("log lines with personal data or codes").isEmpty();
  }

  /** What the scenario handed the services that must never be written to a log. */
  record Scenario(
      String namedCode, String anonymousCode, List<String> wrongCodes, String personalLink) {}

  private Scenario runScenario(ForumPulseSystem system) {
    Map<String, String> organiser = ForumPulseSystem.organiser();
    HttpResponse<String> forum =
        system.post(
            system.registration + "/api/forums",
            """
            {"titleRu":"Форум для проверки журналов","titleKk":"Журнал форумы",
             "startsOn":"2027-04-01","venue":"Уральск","regionCode":"ZKO","capacity":100}
            """,
            organiser);
    assertThat(forum.statusCode()).as(forum.body()).isEqualTo(201);
    String forumId = JsonPath.read(forum.body(), "$.id");
    String registrations = system.registration + "/api/forums/" + forumId + "/registrations";

    // Bad input first: nothing is stored, but frameworks like to log why they refused it.
    int[] refused = {
      send("POST", registrations, registration(NAMED, PHONE_TYPED, BAD_EMAIL), Map.of()),
      send("POST", registrations, registration(NAMED, BAD_PHONE, EMAIL), Map.of()),
      send(
          "POST",
          registrations,
          """
          {"fullName":"%s","role":"RURAL_AKIM","district":"TEREKTI","phone":%s,"consent":true}
          """
              .formatted(NAMED, BAD_PHONE_TOKEN),
          Map.of()),
      send(
          "POST",
          registrations,
          """
          {"fullName":"%s","role":"RURAL_AKIM","district":"TEREKTI","phone":"%s",
           "email":{"$gt":""},"consent":true}
          """
              .formatted(NAMED, PHONE_TYPED),
          Map.of()),
      send("POST", registrations, registration(NAMED.repeat(20), PHONE_TYPED, EMAIL), Map.of())
    };
    assertThat(refused).containsOnly(400);

    HttpResponse<String> named =
        system.post(registrations, registration(NAMED, PHONE_TYPED, EMAIL), Map.of());
    assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
    String namedCode = JsonPath.read(named.body(), "$.accessCode");
    String namedId = JsonPath.read(named.body(), "$.id");
    // The same person again is refused as a duplicate: a path that handles contact details.
    assertThat(send("POST", registrations, registration(NAMED, PHONE_TYPED, EMAIL), Map.of()))
        .isEqualTo(409);
    HttpResponse<String> other =
        system.post(registrations, registration(ANONYMOUS, PHONE_OTHER, null), Map.of());
    assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
    String anonymousCode = JsonPath.read(other.body(), "$.accessCode");

    String me = system.registration + "/api/me";
    assertThat(send("GET", me, null, code(namedCode))).isEqualTo(200);
    assertThat(send("GET", me + "/ticket.svg", null, code(namedCode))).isEqualTo(200);
    assertThat(
            send(
                "PATCH",
                me,
                "{\"fullName\":\"%s\",\"position\":\"аким\"}".formatted(RENAMED),
                code(namedCode)))
        .isEqualTo(200);
    assertThat(send("PATCH", me, "{\"language\":\"de\"}", code(namedCode))).isEqualTo(400);

    List<String> wrongCodes = List.of(nearMiss(namedCode), "0123456789ABCDEFGHJK", "not-a-code");
    for (String wrong : wrongCodes) {
      assertThat(send("GET", me, null, code(wrong))).isBetween(400, 499);
    }

    String questions = system.feedback + "/api/forums/" + forumId + "/questions";
    askUntilKnown(
        questions, namedCode, "{\"project\":\"OTHER\",\"text\":\"Когда отремонтируют дорогу?\"}");
    askUntilKnown(
        questions,
        anonymousCode,
        "{\"project\":\"OTHER\",\"text\":\"Будет ли новая школа?\",\"anonymous\":true}");
    assertThat(send("POST", questions, "{\"project\":\"\",\"text\":\"\"}", code(namedCode)))
        .isEqualTo(400);
    for (String wrong : wrongCodes) {
      assertThat(
              send("POST", questions, "{\"project\":\"OTHER\",\"text\":\"Вопрос\"}", code(wrong)))
          .isBetween(400, 499);
    }
    String mine = system.feedback + "/api/forums/" + forumId + "/my/questions";
    assertThat(send("GET", mine, null, code(namedCode))).isEqualTo(200);

    // Erasure, and every service has acted on it before the capture ends.
    assertThat(send("DELETE", registrations + "/" + namedId + "/personal-data", null, organiser))
        .isBetween(200, 204);
    assertThat(send("GET", me, null, code(namedCode))).isBetween(400, 499);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> send("GET", mine, null, code(namedCode)) != 200);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !reportedQuestionsMention(system, forumId, NAMED, RENAMED));

    String personalLink = "/me.html#forum=" + forumId + "&code=" + namedCode;
    return new Scenario(namedCode, anonymousCode, wrongCodes, personalLink);
  }

  private List<String> forbidden(Scenario scenario) {
    List<String> values = new ArrayList<>();
    values.addAll(List.of(NAMED, ANONYMOUS, RENAMED, "Жумабекова", "Тлеуов", "Бауыржан"));
    values.addAll(List.of(EMAIL, BAD_EMAIL, "dinara.zhumabekova"));
    // The phone as typed, as stored (+7...) and in the national form (8...) all share the ten
    // significant digits; grouped fragments catch a partly masked or reformatted number.
    values.addAll(
        List.of(PHONE_TYPED, "7053184267", "318-42-67", "318 42 67", "3184267", BAD_PHONE));
    values.addAll(List.of(PHONE_OTHER, "7024417735", "441 77 35", "4417735", BAD_PHONE_TOKEN));
    List<String> codes = new ArrayList<>(scenario.wrongCodes());
    codes.add(scenario.namedCode());
    codes.add(scenario.anonymousCode());
    for (String code : codes) {
      values.add(code);
      values.add(sha256(code));
    }
    values.add(scenario.personalLink());
    return values;
  }

  private boolean reportedQuestionsMention(
      ForumPulseSystem system, String forumId, String... names) {
    HttpResponse<String> faq =
        system.get(
            system.reporting + "/api/forums/" + forumId + "/reports/faq?project=OTHER",
            ForumPulseSystem.organiser());
    if (faq.statusCode() != 200
        || ((Number) JsonPath.read(faq.body(), "$.questions")).intValue() < 2) {
      return true;
    }
    List<String> groups = JsonPath.read(faq.body(), "$.groups[*].groupId");
    for (String group : groups) {
      String body =
          system
              .get(
                  system.reporting
                      + "/api/forums/"
                      + forumId
                      + "/reports/faq/groups/"
                      + group
                      + "/questions?project=OTHER",
                  ForumPulseSystem.organiser())
              .body();
      for (String name : names) {
        if (body.contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private void askUntilKnown(String url, String code, String json) {
    // feedback-service learns the code from the attendee topic, a moment after registration.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> send("POST", url, json, code(code)) == 201);
  }

  private static String registration(String fullName, String phone, String email) {
    return """
        {"fullName":"%s","role":"RURAL_AKIM","district":"TEREKTI",
         "ruralDistrict":"Федоровский сельский округ","elected":true,"partyMember":false,
         "phone":"%s",%s"consent":true}
        """
        .formatted(fullName, phone, email == null ? "" : "\"email\":\"" + email + "\",");
  }

  private static Map<String, String> code(String code) {
    return Map.of("X-Participant-Code", code);
  }

  /** The real code with one character changed: what a typo looks like. */
  private static String nearMiss(String code) {
    char last = code.charAt(code.length() - 1);
    return code.substring(0, code.length() - 1) + (last == 'Z' ? 'Y' : 'Z');
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private int send(String method, String url, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every event of every logger, rendered as a log line would be (message, MDC, key-value pairs and
   * the full exception chain), while levels are raised to what production would log and more.
   */
  static final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();
    private final PatternLayout layout = new PatternLayout();

    static CapturedLog attach() {
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      CapturedLog log = new CapturedLog();
      log.setContext(context);
      log.setName("log-scan");
      log.layout.setContext(context);
      log.layout.setPattern("%level [%thread] %logger %mdc %kvp - %msg%n%ex{full}");
      log.layout.start();
      log.start();
      log.level(context.getLogger(Logger.ROOT_LOGGER_NAME), Level.INFO);
      log.level(context.getLogger(PROJECT), Level.DEBUG);
      context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log);
      return log;
    }

    private void level(Logger logger, Level level) {
      previousLevels.put(logger, logger.getLevel());
      logger.setLevel(level);
    }

    @Override
    protected void append(ILoggingEvent event) {
      String line = layout.doLayout(event);
      synchronized (lines) {
        lines.add(line);
      }
    }

    List<String> lines() {
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }

    @Override
    public void close() {
      LoggerContext context = (LoggerContext) getContext();
      context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
      previousLevels.forEach(Logger::setLevel);
      stop();
    }
  }
}
