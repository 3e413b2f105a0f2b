package kz.forumpulse.systemtests.faults;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One forum of a scenario and the writes made to it: every id answered 201 is remembered, every
 * other answer counted by status, so the reports can be checked against exactly what was accepted.
 */
final class ForumWorkload {

  private static final Logger log = LoggerFactory.getLogger(ForumWorkload.class);
  private static final AtomicLong PHONES = new AtomicLong(7_010_000_000L);
  private static final String[] DISTRICTS = {
    "AKZHAIYK", "BAITEREK", "BURLIN", "TEREKTI", "TASKALA", "URALSK", "SYRYM", "KAZTALOV"
  };
  private static final String[] ROLES = {
    "RURAL_AKIM", "MASLIKHAT_DEPUTY", "PARTY_OFFICIAL", "AKIMAT_STAFF", "GUEST"
  };
  private static final String[][] QUESTIONS = {
    {"AUYL_AMANATY", "Какой срок погашения микрокредита по программе Ауыл аманаты?"},
    {"AUYL_AMANATY", "Какая процентная ставка по микрокредиту Ауыл аманаты?"},
    {"AUYL_AMANATY", "Ауыл аманаты бойынша несие қалай алуға болады?"},
    {"ZHER_AMANATY", "Как вернуть неиспользуемые земли государству?"},
    {"ZHER_AMANATY", "Жерді мемлекетке қайтару қалай жүреді?"},
    {"ZHER_AMANATY", "Кто проверяет пастбищные земли в сельском округе?"},
  };

  /** A participant whose access code feedback-service already knows, and how often they asked. */
  record Asker(String code, AtomicInteger asked) {}

  final String label;
  final String forumId;
  final Set<String> participants = ConcurrentHashMap.newKeySet();
  final Set<String> questions = ConcurrentHashMap.newKeySet();
  final Map<Integer, AtomicInteger> otherAnswers = new ConcurrentHashMap<>();
  final List<String> badAnswers = new CopyOnWriteArrayList<>();
  final List<Asker> askers = new CopyOnWriteArrayList<>();
  private final Supplier<String> registrationUrl;
  private final Supplier<String> feedbackUrl;
  private final AtomicInteger nextAsker = new AtomicInteger();

  private ForumWorkload(
      String label,
      String forumId,
      Supplier<String> registrationUrl,
      Supplier<String> feedbackUrl) {
    this.label = label;
    this.forumId = forumId;
    this.registrationUrl = registrationUrl;
    this.feedbackUrl = feedbackUrl;
  }

  /** Creates a forum and waits until feedback-service knows it (the ForumScheduled event). */
  static ForumWorkload create(FaultyStack stack, String label) {
    HttpResponse<String> forum =
        Http.post(
            stack.registrationUrl() + "/api/forums",
            """
            {"titleRu":"Форум %s","titleKk":"Форум %s","startsOn":"%s","venue":"Уральск",
             "regionCode":"ZKO","capacity":50000}
            """
                .formatted(label, label, LocalDate.now().plusDays(30)),
            Http.organiser());
    if (forum.statusCode() != 201) {
      throw new IllegalStateException("forum not created: " + forum.statusCode() + forum.body());
    }
    String forumId = JsonPath.read(forum.body(), "$.id");
    ForumWorkload workload =
        new ForumWorkload(label, forumId, stack::registrationUrl, stack::feedbackUrl);
    Awaits.until(
        "feedback-service knows forum " + label,
        Duration.ofSeconds(120),
        () ->
            Http.get(stack.feedbackUrl() + "/api/forums/" + forumId + "/projects", Map.of())
                    .statusCode()
                == 200);
    return workload;
  }

  /**
   * Registers {@code count} participants and makes each ask once, retrying until feedback-service
   * knows their code: afterwards they can ask during an outage of the broker.
   */
  void warmUp(int count) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = register();
      if (code != null) {
        codes.add(code);
      }
    }
    for (String code : codes) {
      Awaits.until(
          "participant known to feedback-service",
          Duration.ofSeconds(120),
          () -> {
            HttpResponse<String> r = postQuestion(code);
            return r.statusCode() == 201;
          });
      askers.add(new Asker(code, new AtomicInteger(1)));
    }
  }

  /** One registration; returns the access code when it was accepted. */
  String register() {
    long phone = PHONES.incrementAndGet();
    int n = (int) (phone % 1000);
    String body =
        """
        {"fullName":"Участник %d","role":"%s","district":"%s",
         "ruralDistrict":"Сельский округ %d","elected":%s,"partyMember":%s,
         "phone":"+7%d","consent":true,"language":"%s"}
        """
            .formatted(
                phone,
                ROLES[n % ROLES.length],
                DISTRICTS[n % DISTRICTS.length],
                n % 7,
                n % 2 == 0,
                n % 3 == 0,
                phone,
                n % 2 == 0 ? "ru" : "kk");
    HttpResponse<String> r;
    try {
      r =
          Http.post(
              registrationUrl.get() + "/api/forums/" + forumId + "/registrations", body, Map.of());
    } catch (RuntimeException e) {
      other(-1, "registration: " + e);
      return null;
    }
    if (r.statusCode() == 201) {
      participants.add(JsonPath.read(r.body(), "$.id"));
      return JsonPath.read(r.body(), "$.accessCode");
    }
    other(r.statusCode(), "registration: " + r.statusCode() + " " + retryAfter(r) + r.body());
    return null;
  }

  /** One question by the next participant in turn (at most 9 each: the flood limit is 10). */
  String ask() {
    if (askers.isEmpty()) {
      return null;
    }
    Asker asker = null;
    for (int tries = 0; tries < askers.size(); tries++) {
      Asker candidate = askers.get(Math.floorMod(nextAsker.getAndIncrement(), askers.size()));
      if (candidate.asked().incrementAndGet() <= 9) {
        asker = candidate;
        break;
      }
    }
    if (asker == null) {
      return null;
    }
    HttpResponse<String> r;
    try {
      r = postQuestion(asker.code());
    } catch (RuntimeException e) {
      other(-1, "question: " + e);
      return null;
    }
    return r.statusCode() == 201 ? JsonPath.read(r.body(), "$.id") : null;
  }

  private HttpResponse<String> postQuestion(String code) {
    int n = Math.floorMod(code.hashCode() + questions.size(), QUESTIONS.length);
    String body =
        """
        {"project":"%s","text":"%s","anonymous":%s}
        """
            .formatted(QUESTIONS[n][0], QUESTIONS[n][1], n % 2 == 0);
    HttpResponse<String> r =
        Http.post(
            feedbackUrl.get() + "/api/forums/" + forumId + "/questions",
            body,
            Map.of("X-Participant-Code", code));
    if (r.statusCode() == 201) {
      questions.add(JsonPath.read(r.body(), "$.id"));
    } else {
      other(r.statusCode(), "question: " + r.statusCode() + " " + retryAfter(r) + r.body());
    }
    return r;
  }

  private static String retryAfter(HttpResponse<String> r) {
    return r.headers().firstValue("Retry-After").map(v -> "Retry-After=" + v + " ").orElse("");
  }

  private void other(int status, String description) {
    otherAnswers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    if (status == -1 || status >= 500) {
      badAnswers.add(description);
    }
    log.debug("{}: {}", label, description);
  }

  long writes() {
    return participants.size() + questions.size();
  }

  /** Steady load from a few threads until {@link Load#stop()}: registrations and questions. */
  Load startLoad(int writesPerSecond, int threads) {
    Load load = new Load();
    long periodMs = Math.max(1, 1000L * threads / Math.max(1, writesPerSecond));
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread thread =
          new Thread(
              () -> {
                int i = index;
                while (load.running) {
                  long started = System.nanoTime();
                  if (i++ % 2 == 0) {
                    register();
                  } else {
                    ask();
                  }
                  long spent = (System.nanoTime() - started) / 1_000_000;
                  sleep(Math.max(0, periodMs - spent));
                }
              },
              "load-" + label + "-" + t);
      thread.setDaemon(true);
      thread.start();
      load.threads.add(thread);
    }
    return load;
  }

  /** A running load. */
  static final class Load {
    volatile boolean running = true;
    final List<Thread> threads = new ArrayList<>();

    void stop() {
      running = false;
      for (Thread t : threads) {
        try {
          t.join(120_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(Duration d) {
    sleep(d.toMillis());
  }

  @Override
  public String toString() {
    return label + " (" + forumId + ")";
  }
}
