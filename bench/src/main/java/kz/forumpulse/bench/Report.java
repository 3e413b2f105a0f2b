package kz.forumpulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/** The table on the console and the JSON summary. */
final class Report {

  /**
   * metric, target text, whether a value meets it, and what else must hold for the value to count
   * (null when it holds, else why not).
   */
  record Target(
      String metric,
      String text,
      DoublePredicate met,
      Function<Map<String, Object>, String> premise) {

    Target(String metric, String text, DoublePredicate met) {
      this(metric, text, met, info -> null);
    }
  }

  /** Whether a value meets its target; {@code reason} says why not when the premise failed. */
  record Verdict(boolean met, String reason) {

    /** As the table shows it. */
    String label() {
      return met ? "yes" : reason == null ? "NO" : "NO (" + reason + ")";
    }
  }

  /**
   * The share of the offered writes/s the stack must carry for the freshness figure to count: the
   * target is freshness <em>at</em> 500 writes/s. An overloaded stack takes fewer, queues the rest
   * for minutes (see {@code freshness_write_p99_ms}), and the questions it does take are fresh only
   * because there are fewer of them.
   */
  static final double CARRIED_SHARE = 0.95;

  static final List<Target> TARGETS =
      List.of(
          new Target("ingest_writes_per_s", ">= 3000", v -> v >= 3000),
          new Target("ingest_p50_ms", "-", null),
          new Target("ingest_p99_ms", "< 100", v -> v < 100, Report::saturated),
          new Target("freshness_p50_ms", "-", null),
          new Target("freshness_p99_ms", "< 250", v -> v < 250, Report::offeredLoadCarried),
          new Target("replay_events_per_s", "-", null),
          new Target("raw_sink_events_per_s", "-", null),
          new Target("replay_vs_raw", ">= 0.5", v -> v >= 0.5),
          new Target("report_p99_ms", "< 20", v -> v < 20),
          new Target("similar_p99_ms", "< 50", v -> v < 50),
          new Target("stack_rss_mb", "< 1536", v -> v < 1536));

  /**
   * How much more a load with more clients may get through before the measured one counts as not
   * saturated: the rate of a saturated stack varies by about this much between periods.
   */
  static final double SATURATION_MARGIN = 0.10;

  private Report() {}

  /**
   * The ingest latency target holds at saturation. Measured with too few clients, the stack would
   * have time to spare and answer fast; so the figure counts only when a load with more clients got
   * no more writes through ({@code ingest_saturation_check}).
   */
  static String saturated(Map<String, Object> info) {
    if (!(info.get("ingest_saturation_check") instanceof Map<?, ?> check)
        || !(check.get("vs_measured") instanceof Number ratio)) {
      return "saturation not checked";
    }
    if (ratio.doubleValue() <= 1 + SATURATION_MARGIN) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "not saturated: %s clients got %s writes/s through",
        check.get("threads"),
        format(check.get("writes_per_s")));
  }

  static String offeredLoadCarried(Map<String, Object> info) {
    if (!(info.get("freshness_offered_writes_per_s") instanceof Number offered)
        || !(info.get("freshness_achieved_writes_per_s") instanceof Number achieved)) {
      return "offered load not recorded";
    }
    if (achieved.doubleValue() >= CARRIED_SHARE * offered.doubleValue()) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%.0f of the %.0f writes/s offered carried",
        achieved.doubleValue(),
        offered.doubleValue());
  }

  /** Null for a metric without a target or without a value. */
  static Verdict verdict(Target t, Map<String, Object> summary, Map<String, Object> info) {
    Object value = summary.get(t.metric());
    if (t.met() == null || value == null) {
      return null;
    }
    if (!t.met().test(((Number) value).doubleValue())) {
      return new Verdict(false, null);
    }
    String unmet = t.premise().apply(info);
    return new Verdict(unmet == null, unmet);
  }

  static void print(Map<String, Object> summary, Map<String, Object> info) {
    StringBuilder out = new StringBuilder("\n");
    out.append(
        String.format(Locale.ROOT, "%-24s %14s %10s  %s%n", "metric", "value", "target", "met?"));
    out.append("-".repeat(58)).append('\n');
    for (Target t : TARGETS) {
      Object value = summary.get(t.metric());
      Verdict verdict = verdict(t, summary, info);
      String met = value == null ? "n/a" : verdict == null ? "" : verdict.label();
      out.append(
          String.format(
              Locale.ROOT,
              "%-24s %14s %10s  %s%n",
              t.metric(),
              value == null ? "-" : format(value),
              t.text(),
              met));
    }
    out.append("-".repeat(58)).append('\n');
    info.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
    System.out.print(out);
    System.out.flush();
  }

  static void write(Path file, Map<String, Object> summary, Map<String, Object> info)
      throws IOException {
    Map<String, Object> json = new LinkedHashMap<>(summary);
    Map<String, Object> met = new LinkedHashMap<>();
    Map<String, Object> why = new LinkedHashMap<>();
    for (Target t : TARGETS) {
      Verdict verdict = verdict(t, summary, info);
      if (verdict != null) {
        met.put(t.metric(), verdict.met());
        if (verdict.reason() != null) {
          why.put(t.metric(), verdict.reason());
        }
      }
    }
    json.put("targets_met", met);
    if (!why.isEmpty()) {
      json.put("targets_unmet_because", why);
    }
    json.put("info", info);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    Benchmark.say("summary written to " + file);
  }

  static String format(Object value) {
    if (value instanceof Double d) {
      return d >= 100
          ? String.format(Locale.ROOT, "%.0f", d)
          : String.format(Locale.ROOT, "%.2f", d);
    }
    return String.valueOf(value);
  }

  /** Rounds for the JSON: whole numbers above 100, two decimals below. */
  static double round(double v) {
    return v >= 100 ? Math.round(v) : Math.round(v * 100) / 100.0;
  }
}
