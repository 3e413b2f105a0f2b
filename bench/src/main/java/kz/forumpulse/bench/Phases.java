package kz.forumpulse.bench;

import static kz.forumpulse.bench.Benchmark.say;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import kz.forumpulse.events.EventCodec;
import kz.forumpulse.events.ForumId;
import kz.forumpulse.events.ParticipantId;
import kz.forumpulse.events.QuestionId;
import kz.forumpulse.events.QuestionSubmitted;
import kz.forumpulse.events.Topics;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.JsonNode;

/** The measured phases. Sizes come from {@link Settings}; every random choice from one seed. */
final class Phases {

  private static final int RING = 1 << 16;

  private final Settings s;
  private final Target target;
  private final Random random;
  private final Http http;
  private final Map<String, Object> details = new LinkedHashMap<>();

  private String ingestForum;
  private String freshForum;
  private final List<String[]> ingestCodes = new ArrayList<>(); // {accessCode, language}
  private final List<String[]> freshCodes = new ArrayList<>();
  private final AtomicLong serial = new AtomicLong(1);
  private final AtomicReferenceArray<String> questionRing = new AtomicReferenceArray<>(RING);
  private final AtomicLong questionsKnown = new AtomicLong();
  private String replayForum;

  Phases(Settings s, Target target, Random random) {
    this.s = s;
    this.target = target;
    this.random = random;
    this.http = new Http("organiser", target.password);
  }

  Map<String, Object> details() {
    return details;
  }

  // ---------------------------------------------------------------------------------------------
  // setup

  void setup() throws Exception {
    long t0 = System.nanoTime();
    freshForum = createForum("Бенчмарк: форум депутатов маслихатов", "Бенчмарк: мәслихат");
    awaitProjects(freshForum);
    freshCodes.addAll(register(freshForum, s.integer("FRESH_PARTICIPANTS", 300)));
    // the fresh forum's participants must be known to feedback-service before the clock runs
    List<Callable<Void>> asks = new ArrayList<>();
    for (int i = 0; i < freshCodes.size(); i += Math.max(1, freshCodes.size() / 10)) {
      String[] who = freshCodes.get(i);
      BenchData.Ask ask = BenchData.ask(new Random(s.seed() + 11 * i), who[1]);
      asks.add(() -> askWithGrace(freshForum, who[0], ask));
    }
    String[] last = freshCodes.get(freshCodes.size() - 1);
    asks.add(() -> askWithGrace(freshForum, last[0], BenchData.ask(new Random(1), last[1])));
    inParallel(asks);
    newIngestForum();
    say(
        String.format(
            Locale.ROOT,
            "setup: 2 forums, %d + %d participants, %d seed questions in %.1f s",
            ingestCodes.size(),
            freshCodes.size(),
            questionsKnown.get(),
            (System.nanoTime() - t0) / 1e9));
    awaitReportsCaughtUp("setup");
  }

  /**
   * A new forum for ingest, the popular question and freshness's background writes, with {@code
   * PARTICIPANTS} participants who asked {@code SEED_QUESTIONS} questions between them: made in the
   * setup, and again once the ingest forum has been forgotten ({@link #forgetForum}).
   */
  void newIngestForum() throws Exception {
    ingestForum = createForum("Бенчмарк: форум сельских акимов ЗКО", "Бенчмарк: ауыл әкімдері");
    awaitProjects(ingestForum);
    ingestCodes.clear();
    questionsKnown.set(0);
    ingestCodes.addAll(register(ingestForum, s.integer("PARTICIPANTS", 3000)));
    List<Callable<Void>> asks = new ArrayList<>();
    for (int i = 0; i < s.integer("SEED_QUESTIONS", 500); i++) {
      String[] who = ingestCodes.get(i % ingestCodes.size());
      BenchData.Ask ask = BenchData.ask(new Random(s.seed() + 7 * i), who[1]);
      asks.add(() -> askWithGrace(ingestForum, who[0], ask));
    }
    inParallel(asks);
  }

  private static void inParallel(List<Callable<Void>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private String createForum(String ru, String kk) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("titleRu", ru);
    body.put("titleKk", kk);
    body.put("startsOn", LocalDate.now().plusDays(30).toString());
    body.put("venue", "Уральск");
    body.put("regionCode", "ZKO");
    body.put("capacity", 100_000);
    HttpResponse<String> r = http.postJson(target.registration + "/api/forums", body, null, true);
    if (r.statusCode() != 201) {
      throw new IllegalStateException("create forum: " + r.statusCode() + " " + r.body());
    }
    return Http.read(r).path("id").asString();
  }

  private void awaitProjects(String forumId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          http.get(target.feedback + "/api/forums/" + forumId + "/projects", false);
      if (r.statusCode() == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("feedback-service never learnt forum " + forumId);
  }

  private List<String[]> register(String forumId, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<String[]>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        long n = serial.getAndIncrement();
        BenchData.Person p = BenchData.person(new Random(s.seed() + n), n);
        futures.add(
            pool.submit(
                () -> {
                  HttpResponse<String> r = registerOnce(forumId, p);
                  if (r.statusCode() != 201) {
                    throw new IllegalStateException("register: " + r.statusCode() + r.body());
                  }
                  return new String[] {Http.read(r).path("accessCode").asString(), p.language()};
                }));
      }
      List<String[]> codes = new ArrayList<>();
      for (Future<String[]> f : futures) {
        codes.add(f.get());
      }
      return codes;
    } finally {
      pool.shutdown();
    }
  }

  private HttpResponse<String> registerOnce(String forumId, BenchData.Person p) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fullName", p.fullName());
    body.put("role", p.role());
    body.put("district", p.district());
    body.put("elected", p.elected());
    body.put("partyMember", p.party());
    body.put("phone", p.phone());
    body.put("consent", true);
    body.put("language", p.language());
    return http.postJson(
        target.registration + "/api/forums/" + forumId + "/registrations", body, null, false);
  }

  private HttpResponse<String> askOnce(String forumId, String code, BenchData.Ask ask)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("project", ask.project());
    body.put("text", ask.text());
    body.put("language", ask.language());
    body.put("anonymous", ask.anonymous());
    HttpResponse<String> r =
        http.postJson(target.feedback + "/api/forums/" + forumId + "/questions", body, code, false);
    if (r.statusCode() == 201 && forumId.equals(ingestForum)) {
      String id = Http.read(r).path("id").asString();
      questionRing.set((int) (questionsKnown.getAndIncrement() & (RING - 1)), id);
    }
    return r;
  }

  private Void askWithGrace(String forumId, String code, BenchData.Ask ask) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    HttpResponse<String> r;
    do {
      r = askOnce(forumId, code, ask);
      if (r.statusCode() == 201) {
        return null;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new IllegalStateException("question: " + r.statusCode() + " " + r.body());
  }

  private HttpResponse<String> supportOnce(String code, String questionId) throws Exception {
    return http.postJson(
        target.feedback + "/api/forums/" + ingestForum + "/questions/" + questionId + "/support",
        null,
        code,
        false);
  }

  // ---------------------------------------------------------------------------------------------
  // 1. ingest at saturation

  /** {@link #load} of the write mix, with its own cursor over the askers. */
  private IngestRun writeMix(int threads, int warmup, int measure, long seedSalt) throws Exception {
    AtomicLong askers = new AtomicLong();
    return load(threads, warmup, measure, seedSalt, (r, kind) -> write(r, askers, kind));
  }

  /** One write of the mix: 20 % registrations, 50 % questions, 30 % supports. */
  private int write(Random r, AtomicLong askerCursor, int[] kind) throws Exception {
    int dice = r.nextInt(100);
    if (dice < 20) {
      kind[0] = 0;
      long n = serial.getAndIncrement();
      return registerOnce(ingestForum, BenchData.person(r, n)).statusCode();
    } else if (dice < 70) {
      kind[0] = 1;
      String[] who = ingestCodes.get((int) (askerCursor.getAndIncrement() % ingestCodes.size()));
      return askOnce(ingestForum, who[0], BenchData.ask(r, who[1])).statusCode();
    } else {
      kind[0] = 2;
      String[] who = ingestCodes.get(r.nextInt(ingestCodes.size()));
      long known = Math.min(questionsKnown.get(), RING);
      String q = questionRing.get(r.nextInt((int) Math.max(1, known)));
      return supportOnce(who[0], q).statusCode();
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  /** This JVM's garbage collections so far, by collector: count and milliseconds. */
  private static Map<String, Long> collections() {
    Map<String, Long> out = new HashMap<>();
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      out.put(gc.getName() + " count", gc.getCollectionCount());
      out.put(gc.getName() + " ms", gc.getCollectionTime());
    }
    return out;
  }

  /** Counters that grew from {@code before} to {@code after}, by how much. */
  private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> grown = new HashMap<>();
    after.forEach(
        (name, count) -> {
          long delta = count - before.getOrDefault(name, 0L);
          if (delta > 0) {
            grown.put(name, delta);
          }
        });
    return grown;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Length of the slices of {@code ingest_writes_per_s_by_15s} (warm-up and measured period). */
  static final int INGEST_SLICE_S = 15;

  Map<String, Object> ingest() throws Exception {
    int threads = s.integer("THREADS", 16);
    int warmup = s.integer("WARMUP_S", 90);
    int measure = s.integer("MEASURE_S", 45);
    say(
        String.format(
            Locale.ROOT,
            "ingest: %d client threads, %d s warm-up, %d s measured (load %s)",
            threads,
            warmup,
            measure,
            Benchmark.Load.now()));
    IngestRun run;
    List<Long> curve = new ArrayList<>();
    if (warmup > 0 && canForget() && !"same".equals(s.string("WARMUP_FORUM", "own"))) {
      // The warm-up's writes would stay on this heap for the measured period (the in-process
      // database keeps every document there; docs/benchmark.md, "One heap"): warm up on one forum,
      // forget it, and measure on a new one once the clients have filled the queues again.
      IngestRun warm = writeMix(threads, 0, warmup, 0);
      curve.addAll(warm.curve());
      awaitReportsCaughtUp("ingest warm-up");
      forgetForum("ingest_warmup");
      newIngestForum();
      awaitReportsCaughtUp("a new ingest forum");
      int settle = s.integer("SETTLE_S", INGEST_SLICE_S);
      say(String.format(Locale.ROOT, "ingest: %d s settling, %d s measured", settle, measure));
      run = writeMix(threads, settle, measure, 3_000_017);
      details.put("ingest_settle_s", settle);
    } else {
      run = writeMix(threads, warmup, measure, 0);
    }
    curve.addAll(run.curve());
    Histogram all = run.latencies();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ingest_writes_per_s", Report.round(run.writesPerS()));
    out.put("ingest_p50_ms", Report.round(run.percentileMs(50)));
    out.put("ingest_p99_ms", Report.round(run.percentileMs(99)));
    details.put("ingest_threads", threads);
    details.put("ingest_measured_s", measure);
    details.put(
        "ingest_accepted",
        Map.of(
            "registrations",
            run.kinds()[0],
            "questions",
            run.kinds()[1],
            "supports",
            run.kinds()[2]));
    details.put("ingest_max_ms", Report.round(all.getMaxValue() / 1000.0));
    details.put("ingest_writes_per_s_by_" + INGEST_SLICE_S + "s", curve);
    if (run.cpuMsPerWrite() > 0) {
      // Meaningful with the stack in this JVM: CPU of stack and load generator per accepted write.
      details.put("ingest_cpu_ms_per_write", Report.round(run.cpuMsPerWrite()));
    }
    run.kernelFigures("write").forEach((name, value) -> details.put("ingest_" + name, value));
    details.put("ingest_errors_by_status", run.errors());
    if (!run.collections().isEmpty()) {
      details.put("ingest_collections", new TreeMap<>(run.collections()));
      if (run.fullCollections() > 0) {
        // The in-process database keeps ingest's documents on this heap: when they fill the old
        // generation, the figure is the benchmark's bound, not the stack's (docs/benchmark.md,
        // "One heap").
        say(
            "ingest: "
                + run.fullCollections()
                + " full collection(s) in the measured period: the in-process database filled the"
                + " heap, and bounds this figure");
      }
    }
    // Round trips to the database per accepted write, by the whole stack (services, relays,
    // consumers): a count, so unlike CPU time it does not move with the machine's load.
    run.dbCommandsPerRequest()
        .ifPresent(perWrite -> details.put("ingest_db_commands_per_write", Report.round(perWrite)));
    long writes = all.getTotalCount();
    if (run.dbCommandsPerRequest().isPresent()) {
      Map<String, Object> byCommand = new LinkedHashMap<>();
      run.dbCommands().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> byCommand.put(e.getKey(), Report.round((double) e.getValue() / writes)));
      details.put("ingest_db_commands_per_write_by_command", byCommand);
    }
    say("ingest: " + out + " errors " + run.errors());
    saturationCheck(threads, run.writesPerS());
    httpCeiling(threads, run);
    return out;
  }

  /**
   * Ingest's ceiling on this machine, as the raw sink is replay's: the same clients over the same
   * connections, through the same Tomcat, filters, security, MVC and JSON, but reads the services
   * answer from memory (a forum's projects, a forum's registration form; both kept by the services'
   * read caches), so no database or Kafka work. 20 % go to registration-service and 80 % to
   * feedback-service, as the writes do. {@code CEILING_S=0} leaves it out.
   */
  private void httpCeiling(int threads, IngestRun ingest) throws Exception {
    int warmup = s.integer("CEILING_WARMUP_S", 10);
    int measure = s.integer("CEILING_S", 20);
    if (measure <= 0) {
      return;
    }
    String form = target.registration + "/api/forums/" + ingestForum;
    String projects = target.feedback + "/api/forums/" + ingestForum + "/projects";
    IngestRun reads =
        load(
            threads,
            warmup,
            measure,
            2_000_003,
            (r, kind) -> {
              kind[0] = 0;
              return http.getStatus(r.nextInt(100) < 20 ? form : projects);
            });
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("threads", threads);
    result.put("requests_per_s", Report.round(reads.writesPerS()));
    result.put("p50_ms", Report.round(reads.percentileMs(50)));
    result.put("p99_ms", Report.round(reads.percentileMs(99)));
    if (reads.cpuMsPerWrite() > 0) {
      result.put("cpu_ms_per_request", Report.round(reads.cpuMsPerWrite()));
    }
    result.putAll(reads.kernelFigures("request"));
    reads
        .dbCommandsPerRequest()
        .ifPresent(perRequest -> result.put("db_commands_per_request", Report.round(perRequest)));
    result.put("errors_by_status", reads.errors());
    details.put("http_ceiling", result);
    if (reads.writesPerS() > 0) {
      details.put("ingest_vs_http_ceiling", Report.round(ingest.writesPerS() / reads.writesPerS()));
    }
    say("http ceiling (cached reads, no database or Kafka work): " + result);
  }

  /** One request of a closed-loop client; returns the HTTP status and sets its kind (0..2). */
  @FunctionalInterface
  private interface Request {
    int send(Random r, int[] kind) throws Exception;
  }

  /**
   * Whether {@code threads} clients saturated the stack: the same mix from {@code
   * SATURATION_THREADS} (default 4 × as many) clients for {@code SATURATION_S} seconds, after
   * {@code SATURATION_WARMUP_S} to let the queues fill. Were the stack not saturated, more clients
   * would get more writes through, and the latency measured would be that of a stack with time to
   * spare (Report, {@code ingest_p99_ms}). {@code SATURATION_S=0} leaves the check out.
   */
  private void saturationCheck(int threads, double rate) throws Exception {
    int more = s.integer("SATURATION_THREADS", 4 * threads);
    int warmup = s.integer("SATURATION_WARMUP_S", 5);
    int measure = s.integer("SATURATION_S", 15);
    if (measure <= 0) {
      return;
    }
    // Other random choices than the measured run's (whose client i would repeat client i's).
    IngestRun check = writeMix(more, warmup, measure, 1_000_003);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("threads", more);
    result.put("writes_per_s", Report.round(check.writesPerS()));
    result.put("p99_ms", Report.round(check.percentileMs(99)));
    result.put("vs_measured", Report.round(rate > 0 ? check.writesPerS() / rate : 0));
    details.put("ingest_saturation_check", result);
    say("ingest saturation check: " + result);
  }

  /**
   * What one closed-loop load measured; {@code collections} are this JVM's garbage collections over
   * the measured period, by collector ({@code "PS MarkSweep count"}, {@code "… ms"}), when the
   * stack runs in it.
   */
  record IngestRun(
      Histogram latencies,
      int measuredS,
      long[] kinds,
      List<Long> curve,
      double cpuMsPerWrite,
      Map<String, Long> errors,
      Map<String, Long> dbCommands,
      Map<String, Long> collections,
      KernelTimes kernel) {

    /**
     * With the stack in this JVM on Linux: the kernel's share of the process's CPU time and the
     * context switches per answered request ({@code unit}: what one is called in the figure's name)
     * over the measured period; empty otherwise.
     */
    Map<String, Double> kernelFigures(String unit) {
      if (kernel == null || latencies.getTotalCount() == 0) {
        return Map.of();
      }
      return Map.of(
          "cpu_kernel_share",
          Report.round(kernel.systemShare()),
          "context_switches_per_" + unit,
          Report.round((double) kernel.contextSwitches() / latencies.getTotalCount()));
    }

    /**
     * Collections of the whole heap (the old generation's collector: Parallel's and Serial's
     * mark-sweep, G1's old generation) in the measured period.
     */
    long fullCollections() {
      return collections.entrySet().stream()
          .filter(e -> e.getKey().endsWith(" count"))
          .filter(e -> e.getKey().contains("MarkSweep") || e.getKey().contains("Old"))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    double writesPerS() {
      return latencies.getTotalCount() / (double) measuredS;
    }

    double percentileMs(double percentile) {
      return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Database commands per accepted request; empty when the database does not count them. */
    Optional<Double> dbCommandsPerRequest() {
      long requests = latencies.getTotalCount();
      if (dbCommands.isEmpty() || requests == 0) {
        return Optional.empty();
      }
      long total = dbCommands.values().stream().mapToLong(Long::longValue).sum();
      return Optional.of((double) total / requests);
    }
  }

  /**
   * {@code threads} closed-loop clients send {@code request} (the ingest mix, or the ceiling's
   * reads) for {@code warmup} + {@code measure} seconds; responses that started inside the measured
   * period are recorded.
   */
  private IngestRun load(int threads, int warmup, int measure, long seedSalt, Request request)
      throws Exception {
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
    long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(measure);
    Histogram[] histograms = new Histogram[threads];
    long[][] okByKind = new long[threads][3];
    Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
    // Accepted writes per slice of the whole phase, warm-up included: how the rate settles.
    long slice = TimeUnit.SECONDS.toNanos(INGEST_SLICE_S);
    AtomicLongArray bySlice = new AtomicLongArray((int) ((measureTo - start + slice - 1) / slice));
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int me = t;
      histograms[t] = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
      workers[t] =
          new Thread(
              () -> {
                Random r = new Random(s.seed() * 31 + me + seedSalt);
                int[] kind = new int[1];
                while (true) {
                  long t0 = System.nanoTime();
                  if (t0 >= measureTo) {
                    return;
                  }
                  int status;
                  try {
                    status = request.send(r, kind);
                  } catch (Exception e) {
                    status = -1;
                  }
                  long t1 = System.nanoTime();
                  boolean accepted = status / 100 == 2;
                  if (accepted) {
                    bySlice.incrementAndGet((int) ((t0 - start) / slice));
                  }
                  if (t0 >= measureFrom) {
                    if (accepted) {
                      histograms[me].recordValue(
                          Math.min(
                              histograms[me].getHighestTrackableValue(),
                              Math.max(1, (t1 - t0) / 1000)));
                      okByKind[me][kind[0]]++;
                    } else {
                      errors.computeIfAbsent(status, k -> new LongAdder()).increment();
                    }
                  }
                }
              },
              "bench-client-" + t);
      workers[t].start();
    }
    // CPU of this whole process (stack and clients), and the database's commands, over the
    // measured period.
    long[] cpu = new long[2];
    KernelTimes[] kernel = new KernelTimes[2];
    List<Map<String, Long>> commands = new ArrayList<>(List.of(Map.of(), Map.of()));
    List<Map<String, Long>> collections = new ArrayList<>(List.of(Map.of(), Map.of()));
    Thread cpuProbe =
        new Thread(
            () -> {
              try {
                sleepUntil(measureFrom);
                cpu[0] = processCpuNanos();
                kernel[0] = KernelTimes.now();
                commands.set(0, target.dbCommands.get());
                collections.set(0, collections());
                sleepUntil(measureTo);
                cpu[1] = processCpuNanos();
                kernel[1] = KernelTimes.now();
                commands.set(1, target.dbCommands.get());
                collections.set(1, collections());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bench-cpu-probe");
    cpuProbe.start();
    for (Thread w : workers) {
      w.join();
    }
    cpuProbe.join();
    Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
    long[] kinds = new long[3];
    for (int t = 0; t < threads; t++) {
      all.add(histograms[t]);
      for (int k = 0; k < 3; k++) {
        kinds[k] += okByKind[t][k];
      }
    }
    List<Long> curve = new ArrayList<>();
    for (int i = 0; i < bySlice.length(); i++) {
      // the last slice is shorter when the phase is not a multiple of the slice
      double seconds = Math.min(slice, measureTo - start - i * slice) / 1e9;
      curve.add(Math.round(bySlice.get(i) / seconds));
    }
    Map<String, Long> errs = new HashMap<>();
    errors.forEach((k, v) -> errs.put(String.valueOf(k), v.sum()));
    double cpuMs =
        all.getTotalCount() > 0 && cpu[1] > cpu[0]
            ? (cpu[1] - cpu[0]) / 1e6 / all.getTotalCount()
            : 0;
    return new IngestRun(
        all,
        measure,
        kinds,
        curve,
        cpuMs,
        errs,
        delta(commands.get(0), commands.get(1)),
        target.inProcess ? delta(collections.get(0), collections.get(1)) : Map.of(),
        target.inProcess && kernel[0] != null && kernel[1] != null
            ? kernel[1].since(kernel[0])
            : null);
  }

  // ---------------------------------------------------------------------------------------------
  // 1b. votes on one popular question

  /**
   * One client, one new question, {@code HOT_VOTES} participants supporting it one after another:
   * whether a vote costs more as the question gathers supporters. Latency (no queueing: one vote at
   * a time) and CPU of the whole process per vote, over the first and the last 200 votes; secondary
   * figures (no target), so they go to {@code info}.
   */
  void hotQuestion() throws Exception {
    int votes = Math.min(s.integer("HOT_VOTES", 2000), ingestCodes.size() - 1);
    int window = Math.min(200, votes / 2);
    if (window < 1) {
      return;
    }
    // Not recorded: votes on another question first, so the JIT has compiled the vote path.
    int warmup = Math.min(s.integer("HOT_WARMUP_VOTES", 500), votes);
    String warmQuestion = askForHotQuestion(1);
    for (int i = 2; i < warmup + 2; i++) {
      supportOnce(ingestCodes.get(i % ingestCodes.size())[0], warmQuestion);
    }
    String questionId = askForHotQuestion(0);
    say(String.format(Locale.ROOT, "hot question: %d votes one after another", votes));
    Histogram first = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    Histogram last = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    int[] refused = new int[1];
    long firstCpu = hotVotes(questionId, 1, window, first, refused);
    hotVotes(questionId, window + 1, votes - window, null, refused);
    long lastCpu = hotVotes(questionId, votes - window + 1, votes, last, refused);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hot_votes", votes);
    out.put("hot_votes_refused", refused[0]);
    out.put("hot_vote_first_p50_ms", Report.round(first.getValueAtPercentile(50) / 1000.0));
    out.put("hot_vote_last_p50_ms", Report.round(last.getValueAtPercentile(50) / 1000.0));
    out.put("hot_vote_first_cpu_ms", Report.round(firstCpu / 1e6 / window));
    out.put("hot_vote_last_cpu_ms", Report.round(lastCpu / 1e6 / window));
    details.putAll(out);
    say("hot question: " + out);
  }

  /**
   * Participants {@code from}..{@code to} (inclusive) support the question one after another; the
   * latency of each accepted vote goes into {@code latencies} (if given), refusals are counted.
   *
   * @return CPU of the whole process over these votes, in nanoseconds
   */
  private long hotVotes(String questionId, int from, int to, Histogram latencies, int[] refused)
      throws Exception {
    long cpu = processCpuNanos();
    for (int i = from; i <= to; i++) {
      long t0 = System.nanoTime();
      int status = supportOnce(ingestCodes.get(i)[0], questionId).statusCode();
      if (status != 200) {
        refused[0]++;
      } else if (latencies != null) {
        latencies.recordValue((System.nanoTime() - t0) / 1000);
      }
    }
    return processCpuNanos() - cpu;
  }

  private String askForHotQuestion(int author) throws Exception {
    String[] who = ingestCodes.get(author);
    HttpResponse<String> asked =
        askOnce(ingestForum, who[0], BenchData.ask(new Random(s.seed() + 13 + author), who[1]));
    if (asked.statusCode() != 201) {
      throw new IllegalStateException("hot question: " + asked.statusCode() + " " + asked.body());
    }
    return Http.read(asked).path("id").asString();
  }

  // ---------------------------------------------------------------------------------------------
  // 2. freshness at a fixed offered load

  Map<String, Object> freshness() throws Exception {
    int rate = s.integer("FRESHNESS_RATE", 500);
    int warmup = s.integer("FRESHNESS_WARMUP_S", 5);
    int measure = s.integer("FRESHNESS_S", 30);
    int threads = s.integer("FRESHNESS_THREADS", 64);
    say(
        String.format(
            Locale.ROOT,
            "freshness: %d writes/s offered (open loop) for %d+%d s (load %s)",
            rate,
            warmup,
            measure,
            Benchmark.Load.now()));

    // Each live signal makes the prober read the forum's FAQ report; the time a question appears
    // in the report is the first read that counts it. Signals come once per applied batch, so
    // they are not counted themselves.
    List<Long> faqEvents = java.util.Collections.synchronizedList(new ArrayList<>());
    List<long[]> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.Semaphore signalled = new java.util.concurrent.Semaphore(0);
    CountDownLatch subscribed = new CountDownLatch(1);
    InputStream[] stream = new InputStream[1];
    Thread sse =
        new Thread(
            () -> listen(freshForum, faqEvents, signalled, subscribed, stream),
            "bench-sse-" + freshForum);
    sse.setDaemon(true);
    sse.start();
    if (!subscribed.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no SSE stream");
    }
    Thread.sleep(500);
    long base = reportedQuestions(freshForum);
    java.util.concurrent.atomic.AtomicBoolean probing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread prober =
        new Thread(
            () -> {
              while (probing.get()) {
                try {
                  if (!signalled.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    continue;
                  }
                  signalled.drainPermits();
                  long count = reportedQuestions(freshForum) - base;
                  seen.add(new long[] {System.nanoTime(), count});
                } catch (Exception e) {
                  if (probing.get()) {
                    say("freshness probe failed: " + e);
                  }
                }
              }
            },
            "bench-probe-" + freshForum);
    prober.setDaemon(true);
    prober.start();
    faqEvents.clear();

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
    // recorded from many sender threads; an overloaded stack can queue writes for minutes
    ConcurrentHistogram writeLatency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(30), 3);
    Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
    AtomicInteger asked = new AtomicInteger();
    long total = (long) rate * (warmup + measure);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
    AtomicLong warmupAcks = new AtomicLong();
    Random chooser = new Random(s.seed() + 500);
    AtomicLong askers = new AtomicLong();
    for (long i = 0; i < total; i++) {
      long intended = start + i * interval;
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int dice = chooser.nextInt(100);
      long seed = chooser.nextLong();
      pool.execute(
          () -> {
            Random r = new Random(seed);
            int status;
            boolean question = dice < 50;
            try {
              if (question) {
                String[] who = freshCodes.get((int) (askers.getAndIncrement() % freshCodes.size()));
                status = askOnce(freshForum, who[0], BenchData.ask(r, who[1])).statusCode();
              } else {
                // registrations and supports go to the other forum: they never change this
                // forum's FAQ, so every faq event on its stream is one of these questions.
                status = write(r, askers, new int[1], dice < 75 ? 0 : 2);
              }
            } catch (Exception e) {
              status = -1;
            }
            long done = System.nanoTime();
            if (question && status == 201) {
              asked.incrementAndGet();
              if (intended < measureFrom) {
                warmupAcks.incrementAndGet();
              } else {
                acks.add(done);
              }
            }
            if (intended >= measureFrom) {
              if (status / 100 == 2) {
                writeLatency.recordValue(
                    Math.min(
                        writeLatency.getHighestTrackableValue(),
                        Math.max(1, (done - intended) / 1000)));
              } else {
                errors.computeIfAbsent(status, k -> new LongAdder()).increment();
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(2, TimeUnit.MINUTES);
    long offeredSeconds = (System.nanoTime() - start) / 1_000_000_000L;
    // let the last questions arrive in the report
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lastSeen(seen) < asked.get() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    probing.set(false);
    prober.join(5_000);
    try {
      stream[0].close();
    } catch (Exception ignored) {
      // closing the stream ends the listener
    }
    List<Long> events;
    synchronized (faqEvents) {
      events = new ArrayList<>(faqEvents);
    }
    List<long[]> reads;
    synchronized (seen) {
      reads = new ArrayList<>(seen);
    }
    // The k-th question acknowledged (in time order, warm-up first) against the first report read
    // that counts k questions: a forum's questions reach the report in the order they were taken.
    long[] ackTimes = acks.stream().mapToLong(Long::longValue).sorted().toArray();
    int skip = (int) warmupAcks.get();
    Histogram freshness = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
    int negative = 0;
    int pairs = 0;
    int read = 0;
    for (int i = 0; i < ackTimes.length; i++) {
      long rank = skip + i + 1L;
      while (read < reads.size() && reads.get(read)[1] < rank) {
        read++;
      }
      if (read == reads.size()) {
        break;
      }
      long d = reads.get(read)[0] - ackTimes[i];
      if (d < 0) {
        negative++;
      }
      pairs++;
      freshness.recordValue(Math.min(freshness.getHighestTrackableValue(), Math.max(1, d / 1000)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("freshness_p50_ms", Report.round(freshness.getValueAtPercentile(50) / 1000.0));
    out.put("freshness_p99_ms", Report.round(freshness.getValueAtPercentile(99) / 1000.0));
    details.put("freshness_offered_writes_per_s", rate);
    details.put(
        "freshness_achieved_writes_per_s",
        Report.round(total / (double) Math.max(1, offeredSeconds)));
    details.put("freshness_questions_measured", ackTimes.length);
    details.put("freshness_questions_paired", pairs);
    details.put("freshness_faq_events", events.size());
    details.put("freshness_report_reads", reads.size());
    details.put("freshness_questions_total", asked.get());
    details.put("freshness_event_before_ack", negative);
    details.put("freshness_max_ms", Report.round(freshness.getMaxValue() / 1000.0));
    details.put(
        "freshness_write_p99_ms", Report.round(writeLatency.getValueAtPercentile(99) / 1000.0));
    Map<String, Long> errs = new HashMap<>();
    errors.forEach((k, v) -> errs.put(String.valueOf(k), v.sum()));
    details.put("freshness_errors_by_status", errs);
    say(
        "freshness: "
            + out
            + ", "
            + ackTimes.length
            + " questions, "
            + events.size()
            + " faq events");
    return out;
  }

  private int write(Random r, AtomicLong askers, int[] kind, int forced) throws Exception {
    if (forced == 0) {
      kind[0] = 0;
      return registerOnce(ingestForum, BenchData.person(r, serial.getAndIncrement())).statusCode();
    }
    kind[0] = 2;
    String[] who = ingestCodes.get(r.nextInt(ingestCodes.size()));
    long known = Math.min(questionsKnown.get(), RING);
    return supportOnce(who[0], questionRing.get(r.nextInt((int) Math.max(1, known)))).statusCode();
  }

  /** The number of questions the forum's FAQ report counts now. */
  private long reportedQuestions(String forumId) throws Exception {
    HttpResponse<String> r =
        http.get(target.reporting + "/api/forums/" + forumId + "/reports/faq?limit=500", true);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("FAQ report: " + r.statusCode());
    }
    return Http.read(r).path("questions").asLong();
  }

  private static long lastSeen(List<long[]> seen) {
    synchronized (seen) {
      return seen.isEmpty() ? 0 : seen.get(seen.size() - 1)[1];
    }
  }

  /**
   * Reads the forum's live stream; records the arrival time of every {@code faq} event and tells
   * the prober.
   */
  private void listen(
      String forumId,
      List<Long> faqEvents,
      java.util.concurrent.Semaphore signalled,
      CountDownLatch subscribed,
      InputStream[] holder) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(target.reporting + "/api/forums/" + forumId + "/reports/live"))
              .header("Accept", "text/event-stream")
              .header("Authorization", http.authorization())
              .GET()
              .build();
      HttpResponse<InputStream> response =
          http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("live stream: " + response.statusCode());
      }
      holder[0] = response.body();
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("event:")) {
            String name = line.substring(6).trim();
            if ("ready".equals(name)) {
              subscribed.countDown();
            } else if ("faq".equals(name)) {
              faqEvents.add(System.nanoTime());
              signalled.release();
            }
          }
        }
      }
    } catch (Exception e) {
      if (subscribed.getCount() > 0) {
        say("live stream failed: " + e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // between phases

  /**
   * Removes a finished phase's forum from the database, when the database is the in-process memory
   * backend. That backend keeps every document on the heap the stack's memory target caps, where a
   * MongoDB keeps it on disk: ~275,000 ingest writes took ~600 MB of it, and a fast ingest with the
   * replay forum's 100,000 questions filled it, so that the later phases measured the collector
   * (docs/benchmark.md, "One heap"). Each phase therefore starts with the database holding only
   * what it uses; the phase itself still writes to a database that grows. Every document whose
   * {@code forumId} is this forum, or whose {@code _id} starts with it (documents kept per forum:
   * its seat counter, its report stamp), in every service's database. {@code
   * BENCH_KEEP_FORUMS=true} keeps them.
   */
  boolean forgetForum(String phase) {
    String forumId = "replay".equals(phase) ? replayForum : ingestForum;
    if (forumId == null || !canForget()) {
      return false;
    }
    long t0 = System.nanoTime();
    long heapBefore = usedHeapAfterCollection();
    Bson ofForum =
        Filters.or(
            Filters.eq("forumId", forumId), Filters.regex("_id", "^" + Pattern.quote(forumId)));
    Map<String, Long> removed = new TreeMap<>();
    try (MongoClient client = target.mongoClient()) {
      for (String name : client.listDatabaseNames()) {
        if (List.of("admin", "local", "config").contains(name)) {
          continue;
        }
        MongoDatabase database = client.getDatabase(name);
        for (String collection : database.listCollectionNames()) {
          long count = database.getCollection(collection).deleteMany(ofForum).getDeletedCount();
          if (count > 0) {
            removed.put(name + "." + collection, count);
          }
        }
      }
    }
    long heapAfter = usedHeapAfterCollection();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("documents", removed.values().stream().mapToLong(Long::longValue).sum());
    result.put("heap_used_mb_before", heapBefore);
    result.put("heap_used_mb_after", heapAfter);
    result.put("seconds", Report.round((System.nanoTime() - t0) / 1e9));
    result.put("by_collection", removed);
    details.put("forgotten_after_" + phase, result);
    say("forgot the " + phase + " forum: " + result);
    return true;
  }

  /** Whether {@link #forgetForum} removes anything: only in-process, and unless told to keep. */
  private boolean canForget() {
    return target.inProcess
        && target.mongoUri.isPresent()
        && !"true".equals(s.string("KEEP_FORUMS", "false"));
  }

  /** Heap in use (MB) right after a full collection: what the stack's live data takes. */
  private static long usedHeapAfterCollection() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  // ---------------------------------------------------------------------------------------------
  // waiting for the reports

  /** Waits until reporting-service has consumed everything on its topics (lag 0, twice). */
  void awaitReportsCaughtUp(String after) throws Exception {
    if (target.kafka.isEmpty()) {
      Thread.sleep(10_000);
      return;
    }
    long t0 = System.nanoTime();
    try (Admin admin = admin()) {
      long previousEnd = -1;
      int stable = 0;
      while (stable < 2) {
        long[] lagAndEnd = lag(admin);
        if (lagAndEnd[0] == 0 && lagAndEnd[1] == previousEnd) {
          stable++;
        } else {
          stable = 0;
        }
        previousEnd = lagAndEnd[1];
        if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(15)) {
          throw new IllegalStateException(
              "reporting-service did not catch up: lag " + lagAndEnd[0]);
        }
        Thread.sleep(stable == 0 ? 250 : 1000);
      }
    }
    say(
        String.format(
            Locale.ROOT,
            "reports caught up after %s in %.1f s",
            after,
            (System.nanoTime() - t0) / 1e9));
  }

  /** {total lag of group reporting-service, total end offset} over attendees and questions. */
  private long[] lag(Admin admin) throws Exception {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(Topics.ATTENDEES, Topics.QUESTIONS)) {
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets("reporting-service")
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
    long lag = 0;
    long end = 0;
    for (TopicPartition p : partitions) {
      long e = ends.get(p).offset();
      OffsetAndMetadata c = committed.get(p);
      lag += e - (c == null ? 0 : c.offset());
      end += e;
    }
    return new long[] {lag, end};
  }

  /** Records reporting-service has dead-lettered so far (0 when the topic does not exist). */
  private long deadLettered() {
    String dlt = "forum-pulse.dlt.reporting-service";
    try (Admin admin = admin()) {
      if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(dlt)) {
        return 0;
      }
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(dlt))
          .allTopicNames()
          .get(10, TimeUnit.SECONDS)
          .get(dlt)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(dlt, p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
          .mapToLong(i -> i.offset())
          .sum();
    } catch (Exception e) {
      return -1;
    }
  }

  private Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafka.get());
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "bench-admin");
    return Admin.create(p);
  }

  // ---------------------------------------------------------------------------------------------
  // 3. replay against a raw sink

  Map<String, Object> replay() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    if (target.kafka.isEmpty()) {
      say("replay: skipped (set KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI for a remote target)");
      return out;
    }
    int events = s.integer("REPLAY_EVENTS", 100_000);
    replayForum = new UUID(s.seed(), 100_000).toString();
    say(
        String.format(
            Locale.ROOT, "replay: producing %d question events for forum %s", events, replayForum));
    long t0 = System.nanoTime();
    produceQuestions(replayForum, events);
    double produceSeconds = (System.nanoTime() - t0) / 1e9;
    awaitReportsCaughtUp("producing " + events + " events");
    double liveSeconds = (System.nanoTime() - t0) / 1e9;
    details.put("replay_produce_events_per_s", Report.round(events / produceSeconds));
    details.put("live_apply_events_per_s", Report.round(events / liveSeconds));
    long dead = deadLettered();
    details.put("reporting_dead_lettered", dead);
    if (dead > 0) {
      say(
          "WARNING: "
              + dead
              + " records on forum-pulse.dlt.reporting-service: live figure invalid");
    }

    if (target.inProcess) {
      // What the whole in-process stack keeps live with the replay forum loaded (a full GC first).
      System.gc();
      Runtime rt = Runtime.getRuntime();
      details.put("heap_live_after_apply_mb", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
    say("replay: " + events + " events applied live (load " + Benchmark.Load.now() + ")");
    return out;
  }

  /**
   * The raw sink, then the rebuild of every report from the topics. Runs after {@link #queries()}:
   * the rebuild briefly doubles what the reports hold in memory and would make the query figures
   * depend on when the switch happens.
   */
  Map<String, Object> rebuild() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    if (target.kafka.isEmpty()) {
      return out;
    }
    // Raw sink and rebuild alternate REPLAY_ROUNDS times and the medians are reported: on this
    // shared machine either moves by a third between rounds (JIT, collections, neighbours). The
    // heap is committed in full, so the extra rebuilds do not raise the memory figure taken at the
    // end (docs/benchmark.md, "3.").
    int rounds = Math.max(1, s.integer("REPLAY_ROUNDS", 3));
    // Not recorded: a raw sink and a rebuild first, so both are measured with their paths compiled
    // (as ingest, the queries and the votes are), not while the JIT compiles them.
    int warmups = Math.max(0, s.integer("REPLAY_WARMUP_ROUNDS", 1));
    List<Double> warmupRounds = new ArrayList<>();
    for (int round = 0; round < warmups; round++) {
      say("replay: warm-up round " + (round + 1) + " of " + warmups + " (not recorded)");
      warmupRounds.add(Report.round(rawSink()));
      warmupRounds.add(Report.round(rebuildOnce()));
    }
    details.put("replay_warmup_rounds_raw_then_replay", warmupRounds);
    List<Double> raws = new ArrayList<>();
    List<Double> replays = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      // the raw sink: the same topics, unchanged, into the same server, 1000 per insertMany
      raws.add(rawSink());
      replays.add(rebuildOnce());
    }
    double raw = median(raws);
    double replayRate = median(replays);
    details.put("raw_sink_rounds", raws.stream().map(Report::round).toList());
    details.put("replay_rounds", replays.stream().map(Report::round).toList());
    out.put("raw_sink_events_per_s", Report.round(raw));
    out.put("replay_events_per_s", Report.round(replayRate));
    out.put("replay_vs_raw", Math.round(replayRate / raw * 100) / 100.0);
    say("replay: " + out);
    return out;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** One rebuild through the API; returns its rate from the service's own status. */
  private double rebuildOnce() throws Exception {
    say("replay: POST /api/reports/rebuild (load " + Benchmark.Load.now() + ")");
    HttpResponse<String> started =
        http.postJson(target.reporting + "/api/reports/rebuild", null, null, true);
    if (started.statusCode() != 202) {
      throw new IllegalStateException("rebuild: " + started.statusCode() + " " + started.body());
    }
    long r0 = System.nanoTime();
    long timeoutNanos = TimeUnit.SECONDS.toNanos(s.integer("REBUILD_TIMEOUT_S", 900));
    JsonNode status;
    boolean finished;
    while (true) {
      Thread.sleep(250);
      status = Http.read(http.get(target.reporting + "/api/reports/rebuild", true));
      String state = status.path("state").asString();
      finished = "DONE".equals(state) || "FAILED".equals(state);
      if (finished || System.nanoTime() - r0 > timeoutNanos) {
        break;
      }
    }
    double clientSeconds = (System.nanoTime() - r0) / 1e9;
    if (finished && !"DONE".equals(status.path("state").asString())) {
      throw new IllegalStateException("rebuild failed: " + status);
    }
    long applied = status.path("eventsApplied").asLong();
    // Past the time limit the rate so far is reported, marked as such; the rebuild goes on.
    details.put("replay_complete", finished);
    if (!finished) {
      say("replay: rebuild not done after " + Math.round(clientSeconds) + " s: " + status);
    }
    Duration took =
        Duration.between(
            Instant.parse(status.path("startedAt").asString()),
            finished ? Instant.parse(status.path("finishedAt").asString()) : Instant.now());
    double replayRate = applied / Math.max(0.001, took.toMillis() / 1000.0);
    details.put("replay_events_applied", applied);
    details.put("replay_seconds", Report.round(took.toMillis() / 1000.0));
    details.put("replay_seconds_client", Report.round(clientSeconds));
    say("replay: " + Report.round(replayRate) + " events/s (" + applied + " events)");
    return replayRate;
  }

  private void produceQuestions(String forumId, int count) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafka.get());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    Random r = new Random(s.seed() + 3);
    Instant base = Instant.parse("2026-12-10T09:00:00Z");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      byte[] key = forumId.getBytes(StandardCharsets.UTF_8);
      int participants = Math.max(1, count / 8);
      String[][] people = new String[participants][];
      for (int i = 0; i < participants; i++) {
        BenchData.Person person = BenchData.person(r, i);
        people[i] =
            new String[] {
              new UUID(r.nextLong(), r.nextLong()).toString(),
              person.fullName(),
              person.district(),
              person.role(),
              person.language()
            };
      }
      for (int i = 0; i < count; i++) {
        String[] who = people[r.nextInt(participants)];
        BenchData.Ask ask = BenchData.ask(r, who[4]);
        QuestionSubmitted event =
            new QuestionSubmitted(
                new UUID(r.nextLong(), r.nextLong()),
                QuestionSubmitted.VERSION,
                base.plusMillis(i * 250L),
                ForumId.of(forumId),
                QuestionId.of(new UUID(r.nextLong(), r.nextLong()).toString()),
                ParticipantId.of(who[0]),
                ask.project(),
                ask.text(),
                ask.language(),
                ask.anonymous(),
                ask.anonymous() ? null : who[1],
                who[2],
                who[3],
                QuestionSubmitted.PUBLISHED,
                null);
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(Topics.QUESTIONS, key, EventCodec.encode(event));
        // Only the type header, as the outbox relay's records carry it; the binder's own
        // contentType header is not a plain string and is not needed (the payload is bytes).
        record.headers().add(Topics.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
      }
      producer.flush();
    }
  }

  private double rawSink() throws Exception {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafka.get());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (MongoClient client = target.mongoClient();
        KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      MongoDatabase database = client.getDatabase("bench_raw_sink");
      MongoCollection<Document> sink = database.getCollection("events");
      // Only if there: the in-JVM server logs a drop of a missing collection as an error.
      if (database.listCollectionNames().into(new ArrayList<>()).contains("events")) {
        sink.drop();
      }
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(Topics.ATTENDEES, Topics.QUESTIONS)) {
        consumer
            .partitionsFor(topic, Duration.ofSeconds(30))
            .forEach(pi -> partitions.add(new TopicPartition(pi.topic(), pi.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      say(
          "raw sink: reading "
              + end.values().stream().mapToLong(Long::longValue).sum()
              + " records");
      long t0 = System.nanoTime();
      long count = 0;
      List<Document> batch = new ArrayList<>(1000);
      while (!caughtUp(consumer, end)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          batch.add(Document.parse(new String(record.value(), StandardCharsets.UTF_8)));
          if (batch.size() == 1000) {
            sink.insertMany(batch);
            count += batch.size();
            batch = new ArrayList<>(1000);
          }
        }
      }
      if (!batch.isEmpty()) {
        sink.insertMany(batch);
        count += batch.size();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      details.put("raw_sink_events", count);
      details.put("raw_sink_seconds", Report.round(seconds));
      sink.drop();
      say(String.format(Locale.ROOT, "raw sink: %d records in %.1f s", count, seconds));
      return count / seconds;
    }
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // 4. queries on the forum with 100,000 questions

  Map<String, Object> queries() throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    if (replayForum == null) {
      return out;
    }
    int requests = s.integer("QUERY_REQUESTS", 2000);
    int threads = s.integer("QUERY_THREADS", 4);
    String base = target.reporting + "/api/forums/" + replayForum;
    Histogram report =
        timed(
            "report",
            requests,
            threads,
            (r, i) -> {
              String url =
                  i % 2 == 0
                      ? base + "/reports/faq"
                      : base + "/reports/faq?project=" + BenchData.projectOf(r);
              return http.get(url, true);
            });
    Histogram similar =
        timed(
            "similar",
            requests,
            threads,
            (r, i) ->
                http.get(
                    base
                        + "/questions/similar?project="
                        + BenchData.projectOf(r)
                        + "&text="
                        + URLEncoder.encode(BenchData.draft(r), StandardCharsets.UTF_8),
                    false));
    out.put("report_p99_ms", Report.round(report.getValueAtPercentile(99) / 1000.0));
    out.put("similar_p99_ms", Report.round(similar.getValueAtPercentile(99) / 1000.0));
    details.put("report_p50_ms", Report.round(report.getValueAtPercentile(50) / 1000.0));
    details.put("similar_p50_ms", Report.round(similar.getValueAtPercentile(50) / 1000.0));
    details.put("query_requests_each", requests);
    details.put("query_threads", threads);
    say(
        "queries: "
            + out
            + " p50 report "
            + details.get("report_p50_ms")
            + " ms, similar "
            + details.get("similar_p50_ms")
            + " ms");
    return out;
  }

  private interface Call {
    HttpResponse<String> call(Random r, int i) throws Exception;
  }

  private Histogram timed(String name, int requests, int threads, Call call) throws Exception {
    Random wr = new Random(s.seed() + name.hashCode());
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = call.call(wr, i);
      if (r.statusCode() != 200) {
        throw new IllegalStateException(name + ": " + r.statusCode() + " " + r.body());
      }
    }
    // Warm-up with the measured mix and concurrency, for a while: the JIT compiles the request
    // path in the first seconds, and its compiler threads share the two cores with the server.
    long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(s.integer("QUERY_WARMUP_S", 10));
    AtomicInteger warmed = new AtomicInteger();
    load(
        name,
        threads,
        call,
        -1,
        Integer.MAX_VALUE,
        () -> System.nanoTime() < warmUntil,
        warmed,
        null);
    details.put(name + "_warmup_requests", warmed.get());
    Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
    AtomicInteger next = new AtomicInteger();
    load(name, threads, call, 0, requests, () -> true, next, h);
    return h;
  }

  /**
   * Runs calls number 0 to {@code limit - 1} from {@code threads} clients while {@code more} holds;
   * records their latency into h unless it is null.
   */
  private void load(
      String name,
      int threads,
      Call call,
      int seedOffset,
      int limit,
      java.util.function.BooleanSupplier more,
      AtomicInteger next,
      Histogram h)
      throws Exception {
    AtomicInteger failures = new AtomicInteger();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int me = t;
      workers[t] =
          new Thread(
              () -> {
                Random r = new Random(s.seed() + 1000L * me + name.hashCode() + seedOffset);
                while (more.getAsBoolean()) {
                  int i = next.getAndIncrement();
                  if (i >= limit) {
                    break;
                  }
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> resp = call.call(r, i);
                    if (resp.statusCode() != 200) {
                      failures.incrementAndGet();
                      continue;
                    }
                  } catch (Exception e) {
                    failures.incrementAndGet();
                    continue;
                  }
                  if (h != null) {
                    long d = (System.nanoTime() - t0) / 1000;
                    synchronized (h) {
                      h.recordValue(Math.min(h.getHighestTrackableValue(), Math.max(1, d)));
                    }
                  }
                }
              });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    if (h != null) {
      details.put(name + "_failures", failures.get());
    }
  }
}
