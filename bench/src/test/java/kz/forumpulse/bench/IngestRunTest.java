package kz.forumpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class IngestRunTest {

  private static Phases.IngestRun withCollections(Map<String, Long> collections) {
    return new Phases.IngestRun(
        new Histogram(3), 45, new long[3], List.of(), 1.0, Map.of(), Map.of(), collections);
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
}
