package kz.forumpulse.systemtests.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting-service in a JVM of its own. In the test JVM a service can only be closed, which runs
 * its shutdown (listener containers stop, batches finish or commit); a separate process can be
 * killed with SIGKILL, which is what a crash or an OOM kill does to a real instance.
 *
 * <p>No child may outlive the test JVM: every process is killed by {@link #kill()}, by {@link
 * #killAll()} (the tests' {@code finally}/{@code @AfterAll}) and by a shutdown hook; and if the
 * test JVM itself is killed, the child halts when its stdin (a pipe from this JVM) closes ({@link
 * ReportingProcessMain}).
 */
final class ReportingProcess {

  /** 128 + SIGKILL: how the JDK reports a process that died of {@code kill -9} on Linux. */
  static final int KILLED_EXIT_CODE = 137;

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final Pattern CONSUMED =
      Pattern.compile(
          "^forum_events_consumed_total\\{[^}]*topic=\"(attendees|questions)\"[^}]*\\}\\s+(\\S+)",
          Pattern.MULTILINE);

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ReportingProcess::killAll, "reporting-process-reaper"));
  }

  private final Process process;
  private final int port;
  private final Path log;

  private ReportingProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@link ReportingProcessMain} with this JVM's java and class path. The class path goes
   * through an argument file: on the command line it could exceed the limit of one argument.
   */
  static ReportingProcess start(List<String> springArgs, int port, Path directory)
      throws IOException {
    Files.createDirectories(directory);
    Path log = directory.resolve("fault-reporting-process.log");
    Path argFile = directory.resolve("fault-reporting-process.args");
    String classPath = System.getProperty("java.class.path");
    Files.writeString(
        argFile,
        "-cp \"" + classPath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n",
        StandardCharsets.UTF_8);
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    // Small and quick to start: it shares two cores with the test JVM and whatever else builds.
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("@" + argFile);
    command.add(ReportingProcessMain.class.getName());
    command.addAll(springArgs);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LIVE.add(process);
    return new ReportingProcess(process, port, log);
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits for readiness; fails at once, with the end of its log, if the process died. */
  void awaitReady(Duration atMost) {
    Awaits.until(
        "reporting-service process " + pid() + " ready (log: " + log + ")",
        atMost,
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(
                "reporting-service process exited with "
                    + process.exitValue()
                    + " before it was ready:\n"
                    + tail());
          }
          return Http.get(url() + "/actuator/health/readiness", Map.of()).statusCode() == 200;
        });
  }

  /** Attendee and question events this process has received so far (its own metric). */
  long consumed() {
    var response = Http.get(url() + "/actuator/prometheus", Http.organiser());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("prometheus: " + response.statusCode());
    }
    Matcher m = CONSUMED.matcher(response.body());
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(2));
    }
    return (long) total;
  }

  /**
   * SIGKILL, no shutdown of any kind; returns the exit code once the process is gone (-1 if it is
   * somehow still there after 30 s).
   */
  int kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        return -1;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } finally {
      if (!process.isAlive()) {
        LIVE.remove(process);
      }
    }
    return process.exitValue();
  }

  static void killAll() {
    for (Process p : LIVE) {
      p.destroyForcibly();
    }
    for (Process p : LIVE) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LIVE.remove(p);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(log not readable: " + e + ")";
    }
  }
}
