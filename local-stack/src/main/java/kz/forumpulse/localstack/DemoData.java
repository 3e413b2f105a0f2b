package kz.forumpulse.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo forum through the services' own HTTP APIs, so every event really flows through
 * Kafka into the reports: the forum, ~150 participants, ~300 questions. Runs only when no forum of
 * rural akims exists yet.
 */
public final class DemoData {

  /** A forum whose Russian title contains this (any case) counts as the demo forum. */
  static final String MARKER = "форум сельских акимов";

  static final int PARTICIPANTS_SEED = 2026;
  static final int QUESTIONS = 300;

  /** What the loader did. */
  public record Result(
      String forumId,
      boolean created,
      int participants,
      long participantsMillis,
      int questions,
      long questionsMillis,
      int failures,
      long millis) {}

  private final HttpClient http;
  private final ObjectMapper json = JsonMapper.builder().build();
  private final String registrationUrl;
  private final String feedbackUrl;
  private final String authorization;

  public DemoData(String registrationUrl, String feedbackUrl, String user, String password) {
    this.registrationUrl = registrationUrl;
    this.feedbackUrl = feedbackUrl;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** The id of an existing demo forum, if there is one. */
  public Optional<String> existingForum() throws IOException, InterruptedException {
    HttpResponse<String> response = send(get(registrationUrl + "/api/forums"));
    expect(response, 200, "GET /api/forums");
    JsonNode root = json.readTree(response.body());
    JsonNode list = root.isArray() ? root : firstArray(root);
    if (list == null) {
      return Optional.empty();
    }
    for (JsonNode forum : list) {
      String title = forum.path("titleRu").asString("");
      if (title.toLowerCase(Locale.ROOT).contains(MARKER)) {
        return Optional.of(forum.path("id").asString());
      }
    }
    return Optional.empty();
  }

  /** Creates the demo forum unless it exists, then its participants and questions. */
  public Result load() throws Exception {
    long start = System.nanoTime();
    Optional<String> existing = existingForum();
    if (existing.isPresent()) {
      return new Result(existing.get(), false, 0, 0, 0, 0, 0, millisSince(start));
    }
    JsonNode forum = createForum();
    String forumId = forum.path("id").asString();
    List<String> districts = codes(forum.path("districts"));
    if (districts.isEmpty()) {
      throw new IllegalStateException("the forum came back without districts: " + forum);
    }

    Random random = new Random(PARTICIPANTS_SEED);
    List<DemoParticipants.Participant> people = DemoParticipants.generate(random, districts);
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> codes = new ArrayList<>();
      for (DemoParticipants.Participant p : people) {
        codes.add(pool.submit(() -> register(forumId, p)));
      }
      List<DemoParticipants.Participant> registered = new ArrayList<>();
      List<String> accessCodes = new ArrayList<>();
      for (int i = 0; i < codes.size(); i++) {
        try {
          accessCodes.add(codes.get(i).get());
          registered.add(people.get(i));
        } catch (java.util.concurrent.ExecutionException e) {
          failures.incrementAndGet();
          firstFailure.compareAndSet(null, e.getCause().getMessage());
        }
      }

      long participantsMillis = millisSince(start);
      long questionsStart = System.nanoTime();

      // Who asks: akims most, then deputies; each question in the asker's language mostly.
      List<Integer> askers = new ArrayList<>();
      for (int i = 0; i < registered.size(); i++) {
        int weight =
            switch (registered.get(i).role()) {
              case DemoParticipants.AKIM -> 3;
              case DemoParticipants.DEPUTY -> 2;
              default -> 1;
            };
        for (int w = 0; w < weight; w++) {
          askers.add(i);
        }
      }
      List<Future<?>> asked = new ArrayList<>();
      AtomicInteger questions = new AtomicInteger();
      for (int q = 0; q < QUESTIONS && !askers.isEmpty(); q++) {
        int who = askers.get(random.nextInt(askers.size()));
        DemoQuestions.Question question =
            DemoQuestions.next(random, registered.get(who).language());
        boolean anonymous = random.nextInt(100) < 10;
        String code = accessCodes.get(who);
        asked.add(
            pool.submit(
                () -> {
                  try {
                    ask(forumId, code, question, anonymous);
                    questions.incrementAndGet();
                  } catch (Exception e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, e.getMessage());
                  }
                }));
      }
      for (Future<?> f : asked) {
        f.get();
      }
      if (firstFailure.get() != null) {
        System.err.println(
            "Demo data: " + failures.get() + " requests failed, first: " + firstFailure.get());
      }
      return new Result(
          forumId,
          true,
          registered.size(),
          participantsMillis,
          questions.get(),
          millisSince(questionsStart),
          failures.get(),
          millisSince(start));
    } finally {
      pool.shutdown();
    }
  }

  private JsonNode createForum() throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("titleRu", "Первый областной форум сельских акимов ЗКО");
    body.put("titleKk", "БҚО ауыл әкімдерінің бірінші облыстық форумы");
    body.put("startsOn", "2026-12-10");
    body.put("endsOn", "2026-12-10");
    body.put("venue", "Уральск, Дворец культуры «Достык»");
    body.put("regionCode", "ZKO");
    body.put("capacity", 400);
    HttpResponse<String> response =
        send(post(registrationUrl + "/api/forums", body).header("Authorization", authorization));
    expect(response, 201, "POST /api/forums");
    return json.readTree(response.body());
  }

  private String register(String forumId, DemoParticipants.Participant p)
      throws IOException, InterruptedException {
    String path = "/api/forums/" + forumId + "/registrations";
    HttpResponse<String> response = send(post(registrationUrl + path, p.body()));
    expect(response, 201, "POST " + path);
    return json.readTree(response.body()).path("accessCode").asString();
  }

  /**
   * Submits one question. The feedback service learns participants from Kafka, so just after
   * registration it may not know the code yet (403/404): retry with a small back-off, up to ~10 s.
   */
  private void ask(String forumId, String accessCode, DemoQuestions.Question q, boolean anonymous)
      throws IOException, InterruptedException {
    String path = "/api/forums/" + forumId + "/questions";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("project", q.project());
    body.put("text", q.text());
    body.put("anonymous", anonymous);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long backoff = 50;
    while (true) {
      HttpResponse<String> response =
          send(post(feedbackUrl + path, body).header("X-Participant-Code", accessCode));
      int status = response.statusCode();
      if (status == 201 || status == 200) {
        return;
      }
      if ((status == 403 || status == 404 || status == 409 || status >= 500)
          && System.nanoTime() < deadline) {
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 1000);
        continue;
      }
      expect(response, 201, "POST " + path);
    }
  }

  private HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(15))
        .header("Accept", "application/json")
        .header("Authorization", authorization)
        .GET();
  }

  private HttpRequest.Builder post(String url, Object body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                json.writeValueAsString(body), StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      String body = response.body() == null ? "" : response.body();
      throw new IllegalStateException(
          what
              + " answered "
              + response.statusCode()
              + ": "
              + body.substring(0, Math.min(300, body.length())));
    }
  }

  private static List<String> codes(JsonNode array) {
    List<String> codes = new ArrayList<>();
    for (JsonNode n : array) {
      String code = n.isString() ? n.asString() : n.path("code").asString("");
      if (!code.isEmpty()) {
        codes.add(code);
      }
    }
    return codes;
  }

  /** A paged or wrapped list: the first array-valued field. */
  private static JsonNode firstArray(JsonNode object) {
    for (JsonNode child : object) {
      if (child.isArray()) {
        return child;
      }
    }
    return null;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
