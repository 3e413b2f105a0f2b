package kz.forumpulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import kz.forumpulse.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Malformed and hostile requests against every public endpoint of the three services. Each one must
 * be answered with a 4xx problem-details document (never a 5xx, never a stack trace), and none may
 * change a database or put a record on a topic.
 */
class BadInputTest {

  static ForumPulseSystem system;
  static String forumId;
  static String code;
  static String registrationId;
  static String questionId;
  static Map<String, Long> before;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** One hostile request and what it is. */
  record Case(String name, String method, String url, Map<String, String> headers, byte[] body) {}

  @BeforeAll
  static void setUp() {
    system = ForumPulseSystem.get();
    var forum =
        system.post(
            system.registration + "/api/forums",
            """
            {"titleRu":"Форум для злых запросов","titleKk":"Форум","startsOn":"2027-03-01",
             "venue":"Уральск","regionCode":"ZKO","capacity":300}
            """,
            ForumPulseSystem.organiser());
    assertThat(forum.statusCode()).as(forum.body()).isEqualTo(201);
    forumId = JsonPath.read(forum.body(), "$.id");
    var reg =
        system.post(
            system.registration + "/api/forums/" + forumId + "/registrations",
            """
            {"fullName":"Ерлан Касымов","role":"RURAL_AKIM","district":"TEREKTI",
             "phone":"+77015559999","consent":true}
            """,
            Map.of());
    assertThat(reg.statusCode()).as(reg.body()).isEqualTo(201);
    code = JsonPath.read(reg.body(), "$.accessCode");
    registrationId = JsonPath.read(reg.body(), "$.id");
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    HttpResponse<String> asked;
    do {
      asked =
          system.post(
              system.feedback + "/api/forums/" + forumId + "/questions",
              "{\"project\":\"AUYL_AMANATY\",\"text\":\"Какой срок погашения микрокредита?\"}",
              Map.of("X-Participant-Code", code));
    } while (asked.statusCode() != 201 && System.nanoTime() < deadline);
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    questionId = JsonPath.read(asked.body(), "$.id");
    before = settledState();
  }

  @AfterAll
  static void nothingChanged() {
    Map<String, Long> after = settledState();
    assertThat(after).as("documents per collection and records per topic").isEqualTo(before);
  }

  /** Document counts of every collection of the three databases and end offsets of every topic. */
  static Map<String, Long> settledState() {
    Map<String, Long> previous = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      sleep(2000);
      Map<String, Long> now = state();
      if (now.equals(previous)) {
        return now;
      }
      previous = now;
    }
    return previous;
  }

  static Map<String, Long> state() {
    Map<String, Long> state = new TreeMap<>();
    try (MongoClient client = MongoClients.create(TestInfrastructure.get().mongoUri())) {
      for (String name : List.of("st_registration", "st_feedback", "st_reporting")) {
        MongoDatabase db = client.getDatabase(name);
        for (String collection : db.listCollectionNames()) {
          state.put(name + "." + collection, db.getCollection(collection).countDocuments());
        }
      }
    }
    Properties p = new Properties();
    p.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .listTopics(Duration.ofSeconds(30))
          .forEach(
              (topic, infos) -> {
                if (topic.startsWith("forum-pulse.")) {
                  infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
              });
      consumer
          .endOffsets(partitions, Duration.ofSeconds(30))
          .forEach((tp, end) -> state.merge("topic " + tp.topic(), end, Long::sum));
    }
    return state;
  }

  @TestFactory
  Stream<DynamicTest> everyHostileRequestGetsA4xxProblem() {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.method() + " " + c.name(), () -> check(c)));
  }

  private static void check(Case c) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(c.url()))
            .timeout(Duration.ofSeconds(60))
            .method(
                c.method(),
                c.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(c.body()));
    c.headers().forEach(b::header);
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(c.name() + " -> " + r.body()).isBetween(400, 499);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .as(c.name() + " -> " + r.body())
        .startsWith("application/problem+json");
    assertThat(r.body())
        .as("no internals leak")
        .doesNotContain("Exception")
        .doesNotContain("at kz.")
        .doesNotContain("org.springframework");
  }

  // --- the table of cases -------------------------------------------------------------------

  static final String OPERATOR = "{\"$gt\":\"\"}";
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";
  static final String CONTROL = "TEREKTI\\u0000\\u001b[31m";
  static final String HUGE = "я".repeat(300_000);

  /** Values that are wrong for a short code field (role, district, language, project...). */
  static Map<String, String> hostileValues() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("null", "null");
    v.put("number", "42");
    v.put("array", "[\"A\",\"B\"]");
    v.put("object", "{\"a\":1}");
    v.put("mongo-operator", OPERATOR);
    v.put("script", json(SCRIPT));
    v.put("csv-formula", json(FORMULA));
    v.put("control-chars", "\"" + CONTROL + "\"");
    v.put("huge-string", json(HUGE));
    return v;
  }

  static List<Case> cases() {
    String reg = system.registration;
    String fb = system.feedback;
    String rep = system.reporting;
    Map<String, String> json = Map.of("Content-Type", "application/json");
    Map<String, String> org = new LinkedHashMap<>(json);
    org.putAll(organiserHeader());
    Map<String, String> participant = new LinkedHashMap<>(json);
    participant.put("X-Participant-Code", code);
    List<Case> cases = new ArrayList<>();

    // 1. Registration form: every field made hostile in turn (valid otherwise).
    Map<String, String> registration = new LinkedHashMap<>();
    registration.put("fullName", json("Злой Тестер"));
    registration.put("role", json("RURAL_AKIM"));
    registration.put("district", json("TEREKTI"));
    registration.put("language", json("ru"));
    registration.put("consent", "true");
    String regUrl = reg + "/api/forums/" + forumId + "/registrations";
    for (String field : List.of("role", "district", "language", "consent")) {
      hostileValues()
          .forEach(
              (what, value) -> {
                Map<String, String> body = new LinkedHashMap<>(registration);
                body.put(field, value);
                cases.add(
                    new Case(
                        "registration " + field + " " + what, "POST", regUrl, json, bytes(body)));
              });
    }
    for (String what :
        List.of("null", "number", "array", "object", "mongo-operator", "huge-string")) {
      Map<String, String> body = new LinkedHashMap<>(registration);
      body.put("fullName", hostileValues().get(what));
      cases.add(new Case("registration fullName " + what, "POST", regUrl, json, bytes(body)));
    }
    for (String what : List.of("number", "array", "object", "mongo-operator", "huge-string")) {
      Map<String, String> body = new LinkedHashMap<>(registration);
      body.put("phone", hostileValues().get(what));
      cases.add(new Case("registration phone " + what, "POST", regUrl, json, bytes(body)));
      Map<String, String> email = new LinkedHashMap<>(registration);
      email.put("email", hostileValues().get(what));
      cases.add(new Case("registration email " + what, "POST", regUrl, json, bytes(email)));
    }
    for (String field : registration.keySet()) {
      Map<String, String> body = new LinkedHashMap<>(registration);
      body.remove(field);
      if (!field.equals("language")) {
        cases.add(new Case("registration missing " + field, "POST", regUrl, json, bytes(body)));
      }
    }
    Map<String, String> extra = new LinkedHashMap<>(registration);
    extra.put("status", json("APPROVED"));
    extra.put("$where", json("sleep(1000)"));
    extra.put("consent", "false");
    cases.add(
        new Case("registration extra fields and no consent", "POST", regUrl, json, bytes(extra)));
    Map<String, String> sessions = new LinkedHashMap<>(registration);
    sessions.put("sessions", "[" + OPERATOR + "]");
    cases.add(new Case("registration sessions operator", "POST", regUrl, json, bytes(sessions)));
    sessions.put("sessions", json("NOT_A_LIST"));
    cases.add(new Case("registration sessions not a list", "POST", regUrl, json, bytes(sessions)));
    cases.add(
        new Case(
            "registration unknown forum",
            "POST",
            reg + "/api/forums/no-such-forum/registrations",
            json,
            bytes(registration)));
    cases.add(
        new Case(
            "registration forum id operator",
            "POST",
            reg + "/api/forums/" + url(OPERATOR) + "/registrations",
            json,
            bytes(registration)));
    cases.add(
        new Case(
            "registration forum id script",
            "POST",
            reg + "/api/forums/" + url(SCRIPT) + "/registrations",
            json,
            bytes(registration)));
    addBodyLevelCases(cases, "registration", "POST", regUrl, Map.of());

    // 2. Questions: hostile fields, forged and missing codes, unknown forum and project.
    String qUrl = fb + "/api/forums/" + forumId + "/questions";
    Map<String, String> question = new LinkedHashMap<>();
    question.put("project", json("AUYL_AMANATY"));
    question.put("text", json("Когда начнётся приём заявок?"));
    question.put("anonymous", "true");
    for (String field : List.of("project", "anonymous", "language", "sessionId")) {
      hostileValues()
          .forEach(
              (what, value) -> {
                if (what.equals("null") && !field.equals("project")) {
                  return; // optional fields: null is allowed
                }
                Map<String, String> body = new LinkedHashMap<>(question);
                body.put(field, value);
                cases.add(
                    new Case(
                        "question " + field + " " + what, "POST", qUrl, participant, bytes(body)));
              });
    }
    for (String what :
        List.of("null", "number", "array", "object", "mongo-operator", "huge-string")) {
      Map<String, String> body = new LinkedHashMap<>(question);
      body.put("text", hostileValues().get(what));
      cases.add(new Case("question text " + what, "POST", qUrl, participant, bytes(body)));
    }
    cases.add(
        new Case(
            "question text blank",
            "POST",
            qUrl,
            participant,
            bytes(with(question, "text", json("   ")))));
    for (var forged :
        Map.of(
                "forged code",
                "AAAA-BBBB-CCCC-DDDD",
                "operator code",
                OPERATOR,
                "script code",
                SCRIPT,
                "formula code",
                FORMULA,
                "huge code",
                "x".repeat(8000),
                "empty code",
                "")
            .entrySet()) {
      Map<String, String> h = new LinkedHashMap<>(json);
      h.put("X-Participant-Code", forged.getValue());
      cases.add(new Case("question " + forged.getKey(), "POST", qUrl, h, bytes(question)));
      Map<String, String> script = with(question, "text", json(SCRIPT + " " + FORMULA));
      cases.add(
          new Case("question script text with " + forged.getKey(), "POST", qUrl, h, bytes(script)));
    }
    cases.add(new Case("question without code", "POST", qUrl, json, bytes(question)));
    cases.add(
        new Case(
            "question unknown forum",
            "POST",
            fb + "/api/forums/no-such-forum/questions",
            participant,
            bytes(question)));
    cases.add(
        new Case(
            "question unknown project",
            "POST",
            qUrl,
            participant,
            bytes(with(question, "project", json("NO_SUCH_PROJECT")))));
    addBodyLevelCases(cases, "question", "POST", qUrl, Map.of("X-Participant-Code", code));

    // 3. Participant self-service, tickets, support, own questions: forged codes, unknown ids.
    for (var forged :
        Map.of(
                "forged",
                "AAAA-BBBB-CCCC-DDDD",
                "operator",
                OPERATOR,
                "script",
                SCRIPT,
                "huge",
                "y".repeat(8000))
            .entrySet()) {
      Map<String, String> h = new LinkedHashMap<>(json);
      h.put("X-Participant-Code", forged.getValue());
      cases.add(new Case("me " + forged.getKey() + " code", "GET", reg + "/api/me", h, null));
      cases.add(
          new Case(
              "me edit " + forged.getKey() + " code",
              "PATCH",
              reg + "/api/me",
              h,
              "{\"fullName\":\"Иван\"}".getBytes(StandardCharsets.UTF_8)));
      cases.add(
          new Case("me cancel " + forged.getKey() + " code", "DELETE", reg + "/api/me", h, null));
      cases.add(
          new Case(
              "ticket png " + forged.getKey() + " code",
              "GET",
              reg + "/api/me/ticket.png",
              h,
              null));
      cases.add(
          new Case(
              "my questions " + forged.getKey() + " code",
              "GET",
              fb + "/api/forums/" + forumId + "/my/questions",
              h,
              null));
      cases.add(
          new Case(
              "support " + forged.getKey() + " code",
              "POST",
              fb + "/api/forums/" + forumId + "/questions/" + questionId + "/support",
              h,
              null));
    }
    for (var edit :
        Map.of(
                "fullName empty", "{\"fullName\":\"\"}",
                "fullName operator", "{\"fullName\":" + OPERATOR + "}",
                "language operator", "{\"language\":" + OPERATOR + "}",
                "language script", "{\"language\":" + json(SCRIPT) + "}",
                "sessions operator", "{\"sessions\":[" + OPERATOR + "]}",
                "not json", "{fullName:",
                "fullName huge", "{\"fullName\":" + json(HUGE) + "}")
            .entrySet()) {
      cases.add(
          new Case(
              "me edit " + edit.getKey(),
              "PATCH",
              reg + "/api/me",
              participant,
              edit.getValue().getBytes(StandardCharsets.UTF_8)));
    }
    cases.add(new Case("me without code", "GET", reg + "/api/me", Map.of(), null));
    cases.add(
        new Case(
            "support unknown question",
            "POST",
            fb + "/api/forums/" + forumId + "/questions/no-such-question/support",
            participant,
            null));
    cases.add(
        new Case(
            "support operator question id",
            "POST",
            fb + "/api/forums/" + forumId + "/questions/" + url(OPERATOR) + "/support",
            participant,
            null));
    cases.add(
        new Case(
            "withdraw unknown question",
            "DELETE",
            fb + "/api/forums/" + forumId + "/my/questions/no-such-question",
            participant,
            null));
    cases.add(
        new Case(
            "withdraw someone else's question with forged code",
            "DELETE",
            fb + "/api/forums/" + forumId + "/my/questions/" + questionId,
            Map.of("X-Participant-Code", "AAAA-BBBB-CCCC-DDDD"),
            null));

    // 4. Public reads with hostile parameters and unknown ids.
    cases.add(new Case("forum unknown", "GET", reg + "/api/forums/no-such-forum", Map.of(), null));
    cases.add(
        new Case("forum id operator", "GET", reg + "/api/forums/" + url(OPERATOR), Map.of(), null));
    cases.add(
        new Case("forum id script", "GET", reg + "/api/forums/" + url(SCRIPT), Map.of(), null));
    cases.add(
        new Case(
            "projects unknown forum",
            "GET",
            fb + "/api/forums/no-such-forum/projects",
            Map.of(),
            null));
    cases.add(
        new Case(
            "wall unknown forum",
            "GET",
            fb + "/api/forums/no-such-forum/questions",
            Map.of(),
            null));
    for (var param :
        Map.of(
                "page not a number", "page=abc",
                "size not a number", "size=" + url(OPERATOR),
                "page overflow", "page=99999999999",
                "size huge", "size=100000000000",
                "sort script", "sort=" + url(SCRIPT))
            .entrySet()) {
      cases.add(
          new Case("wall " + param.getKey(), "GET", qUrl + "?" + param.getValue(), Map.of(), null));
    }

    // 5. Staff endpoints: no login, wrong password, hostile parameters, unknown ids.
    Map<String, String> wrong =
        Map.of(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("organiser:wrong".getBytes(StandardCharsets.UTF_8)));
    Map<String, String> garbage = Map.of("Authorization", "Basic %%%not-base64%%%");
    String forumBody =
        "{\"titleRu\":\"Ф\",\"titleKk\":\"Ф\",\"startsOn\":\"2027-01-01\",\"regionCode\":\"ZKO\",\"capacity\":10}";
    for (var auth :
        Map.of(
                "anonymous",
                Map.<String, String>of(),
                "wrong password",
                wrong,
                "garbage credentials",
                garbage)
            .entrySet()) {
      Map<String, String> h = new LinkedHashMap<>(json);
      h.putAll(auth.getValue());
      cases.add(
          new Case(
              "create forum " + auth.getKey(),
              "POST",
              reg + "/api/forums",
              h,
              forumBody.getBytes(StandardCharsets.UTF_8)));
      cases.add(new Case("registrations list " + auth.getKey(), "GET", regUrl, h, null));
      cases.add(
          new Case(
              "export csv " + auth.getKey(),
              "GET",
              reg + "/api/forums/" + forumId + "/exports/registrations.csv",
              h,
              null));
      cases.add(
          new Case(
              "attendance " + auth.getKey(),
              "GET",
              rep + "/api/forums/" + forumId + "/reports/attendance",
              h,
              null));
      cases.add(
          new Case(
              "faq " + auth.getKey(),
              "GET",
              rep + "/api/forums/" + forumId + "/reports/faq",
              h,
              null));
      cases.add(
          new Case(
              "check-in " + auth.getKey(),
              "POST",
              reg + "/api/forums/" + forumId + "/check-ins",
              h,
              ("{\"accessCode\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8)));
      cases.add(
          new Case(
              "moderation " + auth.getKey(),
              "GET",
              fb + "/api/forums/" + forumId + "/moderation/questions",
              h,
              null));
      cases.add(
          new Case(
              "add project " + auth.getKey(),
              "POST",
              fb + "/api/forums/" + forumId + "/projects",
              h,
              "{\"code\":\"X\",\"nameRu\":\"X\",\"nameKk\":\"X\"}"
                  .getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, String> forumFields = new LinkedHashMap<>();
    forumFields.put("titleRu", json("Форум"));
    forumFields.put("titleKk", json("Форум"));
    forumFields.put("startsOn", json("2027-01-01"));
    forumFields.put("regionCode", json("ZKO"));
    forumFields.put("capacity", "100");
    for (var bad :
        Map.of(
                "capacity negative", with(forumFields, "capacity", "-1"),
                "capacity text", with(forumFields, "capacity", json("many")),
                "capacity operator", with(forumFields, "capacity", OPERATOR),
                "capacity huge", with(forumFields, "capacity", "99999999999999999999"),
                "startsOn not a date", with(forumFields, "startsOn", json("tomorrow")),
                "startsOn operator", with(forumFields, "startsOn", OPERATOR),
                "titleRu operator", with(forumFields, "titleRu", OPERATOR),
                "titleRu huge", with(forumFields, "titleRu", json(HUGE)),
                "regionCode unknown", with(forumFields, "regionCode", json(SCRIPT)),
                "regionCode missing", without(forumFields, "regionCode"))
            .entrySet()) {
      cases.add(
          new Case(
              "create forum " + bad.getKey(),
              "POST",
              reg + "/api/forums",
              org,
              bytes(bad.getValue())));
    }
    addBodyLevelCases(cases, "create forum", "POST", reg + "/api/forums", organiserHeader());
    cases.add(
        new Case("registration unknown id", "GET", regUrl + "/no-such-registration", org, null));
    cases.add(
        new Case(
            "approve unknown registration",
            "POST",
            regUrl + "/no-such-registration/approve",
            org,
            null));
    cases.add(
        new Case(
            "cancel unknown registration",
            "POST",
            regUrl + "/" + url(OPERATOR) + "/cancel",
            org,
            null));
    cases.add(
        new Case(
            "erase unknown registration",
            "DELETE",
            regUrl + "/no-such-registration/personal-data",
            org,
            null));
    cases.add(new Case("registrations page not a number", "GET", regUrl + "?page=abc", org, null));
    cases.add(
        new Case(
            "registrations size operator", "GET", regUrl + "?size=" + url(OPERATOR), org, null));
    cases.add(
        new Case(
            "check-in forged code",
            "POST",
            reg + "/api/forums/" + forumId + "/check-ins",
            org,
            "{\"accessCode\":\"AAAA-BBBB-CCCC\"}".getBytes(StandardCharsets.UTF_8)));
    cases.add(
        new Case(
            "check-in operator code",
            "POST",
            reg + "/api/forums/" + forumId + "/check-ins",
            org,
            ("{\"accessCode\":" + OPERATOR + "}").getBytes(StandardCharsets.UTF_8)));
    cases.add(
        new Case(
            "check-in forged ticket",
            "POST",
            reg + "/api/forums/" + forumId + "/check-ins",
            org,
            ("{\"ticket\":" + json(SCRIPT) + "}").getBytes(StandardCharsets.UTF_8)));
    cases.add(
        new Case(
            "check-in empty",
            "POST",
            reg + "/api/forums/" + forumId + "/check-ins",
            org,
            "{}".getBytes(StandardCharsets.UTF_8)));
    cases.add(
        new Case(
            "undo check-in unknown",
            "DELETE",
            reg + "/api/forums/" + forumId + "/check-ins/no-such-registration",
            org,
            null));
    cases.add(
        new Case(
            "approve unknown question",
            "POST",
            fb + "/api/forums/" + forumId + "/moderation/questions/no-such-question/approve",
            org,
            null));
    cases.add(
        new Case(
            "answer unknown question",
            "POST",
            fb + "/api/forums/" + forumId + "/moderation/questions/no-such-question/answer",
            org,
            "{\"answer\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    cases.add(
        new Case(
            "moderation status unknown",
            "GET",
            fb + "/api/forums/" + forumId + "/moderation/questions?status=" + url(SCRIPT),
            org,
            null));
    cases.add(
        new Case(
            "rename unknown project",
            "PUT",
            fb + "/api/forums/" + forumId + "/projects/NO_SUCH",
            org,
            "{\"nameRu\":\"X\",\"nameKk\":\"X\"}".getBytes(StandardCharsets.UTF_8)));
    cases.add(
        new Case(
            "retire unknown project",
            "DELETE",
            fb + "/api/forums/" + forumId + "/projects/NO_SUCH",
            org,
            null));
    cases.add(
        new Case(
            "faq from not a date",
            "GET",
            rep + "/api/forums/" + forumId + "/reports/faq?from=yesterday",
            org,
            null));
    cases.add(
        new Case(
            "faq limit operator",
            "GET",
            rep + "/api/forums/" + forumId + "/reports/faq?limit=" + url(OPERATOR),
            org,
            null));
    cases.add(
        new Case(
            "faq answered maybe",
            "GET",
            rep + "/api/forums/" + forumId + "/reports/faq?answered=maybe",
            org,
            null));
    cases.add(
        new Case(
            "faq limit huge",
            "GET",
            rep + "/api/forums/" + forumId + "/reports/faq?limit=99999999999",
            org,
            null));

    // 6. Wrong methods and addresses.
    cases.add(new Case("DELETE forums", "DELETE", reg + "/api/forums", org, null));
    cases.add(new Case("PUT registrations", "PUT", regUrl, json, bytes(registration)));
    cases.add(new Case("no such path", "GET", reg + "/api/nothing-here", Map.of(), null));
    cases.add(
        new Case(
            "path traversal", "GET", reg + "/api/forums/..%2F..%2Fetc%2Fpasswd", Map.of(), null));
    cases.add(
        new Case(
            "no such report",
            "GET",
            rep + "/api/forums/" + forumId + "/reports/everything",
            org,
            null));
    return cases;
  }

  /** Body-level attacks on a JSON endpoint: not JSON, wrong JSON shape, bad bytes, wrong type. */
  static void addBodyLevelCases(
      List<Case> cases, String what, String method, String url, Map<String, String> auth) {
    Map<String, String> json = new LinkedHashMap<>(auth);
    json.put("Content-Type", "application/json");
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("empty body", new byte[0]);
    bodies.put("not json", "{not json".getBytes(StandardCharsets.UTF_8));
    bodies.put("json array", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
    bodies.put("json string", "\"hello\"".getBytes(StandardCharsets.UTF_8));
    bodies.put("json null", "null".getBytes(StandardCharsets.UTF_8));
    bodies.put("empty object", "{}".getBytes(StandardCharsets.UTF_8));
    bodies.put(
        "invalid UTF-8",
        new byte[] {
          '{',
          '"',
          'f',
          'u',
          'l',
          'l',
          'N',
          'a',
          'm',
          'e',
          '"',
          ':',
          '"',
          (byte) 0xC3,
          (byte) 0x28,
          (byte) 0xFF,
          '"',
          '}'
        });
    bodies.put(
        "deeply nested", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
    bodies.put(
        "huge body",
        ("{\"x\":\"" + "a".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
    bodies.forEach((name, body) -> cases.add(new Case(what + " " + name, method, url, json, body)));
    for (String type :
        List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
      Map<String, String> h = new LinkedHashMap<>(auth);
      h.put("Content-Type", type);
      cases.add(
          new Case(
              what + " content type " + type,
              method,
              url,
              h,
              "fullName=x&role=GUEST".getBytes(StandardCharsets.UTF_8)));
    }
  }

  static Map<String, String> organiserHeader() {
    String token =
        Base64.getEncoder()
            .encodeToString(
                ("organiser:" + ForumPulseSystem.ORGANISER_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    return Map.of("Authorization", "Basic " + token);
  }

  static Map<String, String> with(Map<String, String> base, String field, String value) {
    Map<String, String> copy = new LinkedHashMap<>(base);
    copy.put(field, value);
    return copy;
  }

  static Map<String, String> without(Map<String, String> base, String field) {
    Map<String, String> copy = new LinkedHashMap<>(base);
    copy.remove(field);
    return copy;
  }

  static byte[] bytes(Map<String, String> fields) {
    StringBuilder out = new StringBuilder("{");
    fields.forEach(
        (k, v) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          out.append(json(k)).append(':').append(v);
        });
    return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
