package kz.forumpulse.systemtests.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The figures of every scenario run in this JVM, printed as one table at the end. */
final class FaultLedger {

  private static final List<ScenarioResult> results = new ArrayList<>();

  private FaultLedger() {}

  static synchronized void record(ScenarioResult result) {
    results.add(result);
    System.out.println("FAULT SCENARIO " + result);
  }

  static synchronized List<ScenarioResult> results() {
    return List.copyOf(results);
  }

  static synchronized String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| scenario | writes | published (distinct / records) | applied | lost | double-counted"
            + " | recovery time | notes |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (ScenarioResult r : results) {
      out.append(
          String.format(
              "| %s | %d | %d / %d | %d | %d | %d | %s | %s |%n",
              r.scenario(),
              r.writes(),
              r.published(),
              r.records(),
              r.applied(),
              r.lost(),
              r.doubleCounted(),
              r.recoveryText(),
              r.notes()));
    }
    return out.toString();
  }

  /** Prints the table and writes it where {@code faults.report} points (target/ by default). */
  static synchronized String publish() {
    String table = table();
    System.out.println();
    System.out.println(table);
    String target = System.getProperty("faults.report", "target/fault-scenarios.md");
    try {
      Path path = Path.of(target);
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(
          path,
          "Fault scenarios, outage "
              + FaultSettings.outage().toSeconds()
              + " s, load "
              + FaultSettings.writesPerSecond()
              + " writes/s\n\n"
              + table,
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }
}
