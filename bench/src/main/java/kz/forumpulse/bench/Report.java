package kz.forumpulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table on the console and the JSON summary. */
final class Report {

  /** metric, target text, whether a value meets it. */
  record Target(String metric, String text, java.util.function.DoublePredicate met) {}

  static final List<Target> TARGETS =
      List.of(
          new Target("ingest_writes_per_s", ">= 3000", v -> v >= 3000),
          new Target("ingest_p50_ms", "-", null),
          new Target("ingest_p99_ms", "< 100", v -> v < 100),
          new Target("freshness_p50_ms", "-", null),
          new Target("freshness_p99_ms", "< 250", v -> v < 250),
          new Target("replay_events_per_s", "-", null),
          new Target("raw_sink_events_per_s", "-", null),
          new Target("replay_vs_raw", ">= 0.5", v -> v >= 0.5),
          new Target("report_p99_ms", "< 20", v -> v < 20),
          new Target("similar_p99_ms", "< 50", v -> v < 50),
          new Target("stack_rss_mb", "< 1536", v -> v < 1536));

  private Report() {}

  static void print(Map<String, Object> summary, Map<String, Object> info) {
    StringBuilder out = new StringBuilder("\n");
    out.append(
        String.format(Locale.ROOT, "%-24s %14s %10s  %s%n", "metric", "value", "target", "met?"));
    out.append("-".repeat(58)).append('\n');
    for (Target t : TARGETS) {
      Object value = summary.get(t.metric());
      String met =
          value == null
              ? "n/a"
              : t.met() == null ? "" : t.met().test(((Number) value).doubleValue()) ? "yes" : "NO";
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
    for (Target t : TARGETS) {
      Object value = summary.get(t.metric());
      if (t.met() != null && value != null) {
        met.put(t.metric(), t.met().test(((Number) value).doubleValue()));
      }
    }
    json.put("targets_met", met);
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
