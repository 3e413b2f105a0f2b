package kz.forumpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class IngestRunTest {

  private static Phases.IngestRun withCollections(Map<String, Long> collections) {
    return new Phases.IngestRun(
        new Histogram(3), 45, new long[3], List.of(), 1.0, Map.of(), Map.of(), collections, null);
  }

  @Test
  void countsCollectionsOfTheWholeHeapOnly() {
    assertThat(
            withCollections(
                    Map.of(
                        "PS Scavenge count", 300L,
                        "PS Scavenge ms", 2_400L,
                        "PS MarkSweep count", 2L,
                        "PS MarkSweep ms", 3_100L))
                .fullCollections())
        .isEqualTo(2);
    assertThat(
            withCollections(Map.of("G1 Young Generation count", 9L, "G1 Old Generation count", 1L))
                .fullCollections())
        .isEqualTo(1);
    assertThat(withCollections(Map.of("PS Scavenge count", 300L)).fullCollections()).isZero();
    // A stack elsewhere: nothing known, nothing claimed.
    assertThat(withCollections(Map.of()).fullCollections()).isZero();
  }

  @Test
  void kernelFiguresComeFromProcAndArePerRequest() {
    // A real /proc/<pid>/stat line: the command name may hold spaces and parentheses.
    String stat =
        "4242 (java (bench) x) S 1 4242 4242 0 -1 4194560 88 0 0 0 6504 1866 0 0 20 0 212 0 93 0";
    assertThat(KernelTimes.cpuTicks(stat)).containsExactly(6504, 1866);
    assertThat(
            KernelTimes.switches(
                List.of(
                    "Name:\tjava",
                    "voluntary_ctxt_switches:\t120",
                    "nonvoluntary_ctxt_switches:\t30")))
        .isEqualTo(150);

    Histogram latencies = new Histogram(3);
    for (int i = 0; i < 100; i++) {
      latencies.recordValue(1_000);
    }
    KernelTimes before = new KernelTimes(1_000, 200, 5_000);
    KernelTimes after = new KernelTimes(1_750, 450, 6_400);
    Phases.IngestRun run =
        new Phases.IngestRun(
            latencies,
            45,
            new long[3],
            List.of(),
            1.0,
            Map.of(),
            Map.of(),
            Map.of(),
            after.since(before));

    assertThat(run.kernelFigures("request"))
        .containsEntry("cpu_kernel_share", 0.25)
        .containsEntry("context_switches_per_request", 14.0);
    assertThat(withCollections(Map.of()).kernelFigures("write")).isEmpty();
  }

  @Test
  void kernelTimesOfThisProcessAreReadOnLinux() {
    KernelTimes now = KernelTimes.now();
    if (System.getProperty("os.name").startsWith("Linux")) {
      assertThat(now).isNotNull();
      assertThat(now.userTicks() + now.systemTicks()).isPositive();
      assertThat(now.contextSwitches()).isPositive();
    } else {
      assertThat(now).isNull();
    }
  }
}
