package kz.forumpulse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

/**
 * One run: start (or target) the stack, then measure replay against a raw Kafka-to-Mongo sink with
 * report and similar-question queries on a forum with 100,000 questions, ingest at saturation,
 * votes on one popular question, freshness at a fixed offered load, and resident memory. Prints a
 * table and writes {@code bench/target/bench-summary.json}. Method and figures: docs/benchmark.md.
 */
public final class Benchmark {

  public static void main(String[] args) throws Exception {
    Settings s = new Settings();
    quietLogging();
    // Realistic participants ask a handful of questions; the benchmark has fewer participants than
    // questions, so the per-participant flood limit is raised (its check still runs on every
    // write).
    System.setProperty("forum.questions.flood.max", s.string("FLOOD_MAX", "100000"));

    Map<String, Object> summary = new LinkedHashMap<>();
    Map<String, Object> info = new LinkedHashMap<>();
    String targetMode = s.string("TARGET_REGISTRATION", "");
    long started = System.nanoTime();
    say("load before start: " + Load.now());
    Target target;
    try {
      target = targetMode.isEmpty() ? Target.inProcess(s) : Target.remote(s);
    } catch (Exception e) {
      // the broker's and the Mongo server's threads would keep the JVM alive
      say("the stack did not start: " + e);
      System.exit(1);
      return;
    }
    say("target: " + target.description);
    say(
        String.format(
            Locale.ROOT,
            "stack ready in %.1f s: %s %s %s",
            (System.nanoTime() - started) / 1e9,
            target.registration,
            target.feedback,
            target.reporting));
    info.put("target", target.description);
    info.put("cores", Runtime.getRuntime().availableProcessors());
    info.put("java", System.getProperty("java.version"));
    info.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    info.put("load_at_start", Load.now());
    try {
      Phases phases = new Phases(s, target, new Random(s.seed()));
      phases.setup();
      // Replay and queries first: the rebuild then reads only the setup's and the replay forum's
      // events, whatever the length of the ingest phase, and ingest and freshness are measured on
      // a stack that has been running for minutes (docs/benchmark.md, "Order").
      if (!s.string("SKIP", "").contains("replay")) {
        summary.putAll(phases.replay());
        info.put("load_after_live_apply", Load.now());
        summary.putAll(phases.queries());
        info.put("load_after_queries", Load.now());
        if (!s.string("SKIP", "").contains("rebuild")) {
          summary.putAll(phases.rebuild());
          info.put("load_after_rebuild", Load.now());
        }
      }
      // The memory backend keeps the database on the heap: each phase starts without the forums
      // of the phases before it (Phases.forgetForum).
      phases.forgetForum("replay");
      if (!s.string("SKIP", "").contains("ingest")) {
        summary.putAll(phases.ingest());
        info.put("load_after_ingest", Load.now());
        phases.awaitReportsCaughtUp("ingest");
      }
      if (!s.string("SKIP", "").contains("hot")) {
        // After the replay and the rebuild: its few thousand events change neither the rebuild nor
        // the query figures. Its voters are the ingest forum's participants.
        phases.hotQuestion();
        phases.awaitReportsCaughtUp("hot question");
        info.put("load_after_hot_question", Load.now());
      }
      if (!s.string("SKIP", "").contains("freshness")) {
        if (phases.forgetForum("ingest")) {
          // freshness's background writes need a forum with participants and questions
          phases.newIngestForum();
          phases.awaitReportsCaughtUp("a new ingest forum");
        }
        summary.putAll(phases.freshness());
        info.put("load_after_freshness", Load.now());
      }
      target.residentMegabytes().ifPresent(mb -> summary.put("stack_rss_mb", mb));
      info.put("load_at_end", Load.now());
      info.put("run_seconds", Math.round((System.nanoTime() - started) / 1e9));
      info.putAll(phases.details());
    } finally {
      Report.print(summary, info);
      Report.write(Path.of(s.string("SUMMARY", "bench/target/bench-summary.json")), summary, info);
      if (target.inProcess && !"false".equals(s.string("STOP", "true"))) {
        target.close();
      }
    }
    System.exit(0);
  }

  private static void quietLogging() {
    String[] warn = {"org.apache.kafka", "kafka", "state.change.logger", "org.springframework", ""};
    for (String logger : warn) {
      System.setProperty("logging.level." + (logger.isEmpty() ? "root" : logger), "WARN");
    }
    System.setProperty("logging.level.org.apache.kafka.controller", "ERROR");
    System.setProperty("logging.level.de.bwaldvogel.mongo", "ERROR");
    System.setProperty("logging.level.org.apache.kafka.clients.consumer", "ERROR");
    LoggingSystem logging = LoggingSystem.get(Benchmark.class.getClassLoader());
    logging.beforeInitialize();
    logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    logging.setLogLevel(null, LogLevel.WARN);
    logging.setLogLevel("org.apache.kafka.controller", LogLevel.ERROR);
    logging.setLogLevel("org.apache.kafka.clients.consumer", LogLevel.ERROR);
    logging.setLogLevel("de.bwaldvogel.mongo", LogLevel.ERROR);
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
    System.out.flush();
  }

  /** The 1-minute load average and the core count, from /proc/loadavg. */
  static final class Load {
    static String now() {
      try {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return parts[0] + " " + parts[1] + " " + parts[2];
      } catch (Exception e) {
        return "unknown";
      }
    }
  }
}
