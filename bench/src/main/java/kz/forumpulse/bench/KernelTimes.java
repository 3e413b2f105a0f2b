package kz.forumpulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the kernel does for this process, from {@code /proc} (Linux only): CPU time in user and in
 * kernel mode, and the context switches of all its threads. The process CPU time the benchmark
 * reports does not split them, and JFR does not see the kernel at all; with perf, a quarter of
 * ingest's CPU was in the kernel (loopback sockets and thread switches between the broker, the
 * database server, the services and the clients, all in this JVM).
 */
record KernelTimes(long userTicks, long systemTicks, long contextSwitches) {

  private static final Path SELF = Path.of("/proc/self");

  /** Now, or null where there is no {@code /proc} (the figures are then left out). */
  static KernelTimes now() {
    try {
      String stat = Files.readString(SELF.resolve("stat"));
      long[] times = cpuTicks(stat);
      long switches = 0;
      try (Stream<Path> tasks = Files.list(SELF.resolve("task"))) {
        for (Path task : tasks.toList()) {
          try {
            switches += switches(Files.readAllLines(task.resolve("status")));
          } catch (IOException ended) {
            // The thread ended meanwhile: its switches are gone from the total either way.
          }
        }
      }
      return new KernelTimes(times[0], times[1], switches);
    } catch (IOException | RuntimeException unavailable) {
      return null;
    }
  }

  /**
   * utime and stime of a {@code /proc/<pid>/stat} line (fields 14 and 15; the name may hold
   * spaces).
   */
  static long[] cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
  }

  /** Voluntary and involuntary context switches of a {@code /proc/<pid>/task/<tid>/status}. */
  static long switches(List<String> status) {
    long total = 0;
    for (String line : status) {
      if (line.startsWith("voluntary_ctxt_switches:")
          || line.startsWith("nonvoluntary_ctxt_switches:")) {
        total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return total;
  }

  /** What happened between {@code earlier} and this. */
  KernelTimes since(KernelTimes earlier) {
    return new KernelTimes(
        userTicks - earlier.userTicks,
        systemTicks - earlier.systemTicks,
        contextSwitches - earlier.contextSwitches);
  }

  /** The kernel's share of the CPU time (0 to 1). */
  double systemShare() {
    long total = userTicks + systemTicks;
    return total > 0 ? (double) systemTicks / total : 0;
  }
}
