package kz.forumpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdicts of the summary table: a figure counts only where its premise held. */
class ReportTest {

  private static final Report.Target FRESHNESS = target("freshness_p99_ms");
  private static final Report.Target INGEST_P99 = target("ingest_p99_ms");

  private static Report.Target target(String metric) {
    return Report.TARGETS.stream().filter(t -> t.metric().equals(metric)).findFirst().orElseThrow();
  }

  @Test
  void freshnessUnderTheTargetCountsOnlyWhenTheOfferedLoadWasCarried() {
    assertThat(freshness(180.0, 497.0).met()).isTrue();

    Report.Verdict overloaded = freshness(180.0, 114.0);
    assertThat(overloaded.met()).isFalse();
    assertThat(overloaded.reason()).isEqualTo("114 of the 500 writes/s offered carried");
  }

  @Test
  void freshnessOverTheTargetIsNotMetWhateverTheLoad() {
    Report.Verdict slow = freshness(400.0, 500.0);
    assertThat(slow.met()).isFalse();
    assertThat(slow.reason()).isNull();
  }

  @Test
  void aTargetWithoutPremiseIsJudgedOnItsValueAndAFigureWithoutTargetNotAtAll() {
    Report.Target memory = Report.TARGETS.get(Report.TARGETS.size() - 1);
    assertThat(Report.verdict(memory, Map.of("stack_rss_mb", 1489L), Map.of()).met()).isTrue();
    assertThat(Report.verdict(memory, Map.of("stack_rss_mb", 1600L), Map.of()).met()).isFalse();
    assertThat(Report.verdict(memory, Map.of(), Map.of())).isNull();
    Report.Target p50 = Report.TARGETS.get(1);
    assertThat(Report.verdict(p50, Map.of("ingest_p50_ms", 5.0), Map.of())).isNull();
  }

  /** The verdict on a freshness p99 measured while the stack carried {@code achieved} of 500/s. */
  private static Report.Verdict freshness(double p99, double achieved) {
    return Report.verdict(
        FRESHNESS,
        Map.of("freshness_p99_ms", p99),
        Map.of("freshness_offered_writes_per_s", 500, "freshness_achieved_writes_per_s", achieved));
  }

  @Test
  void ingestLatencyCountsOnlyWhereMoreClientsGotNoMoreWritesThrough() {
    assertThat(ingestP99(53.0, 0.97).met()).isTrue();
    assertThat(ingestP99(53.0, 1.08).met()).isTrue();

    Report.Verdict spare = ingestP99(53.0, 1.6);
    assertThat(spare.met()).isFalse();
    assertThat(spare.reason()).isEqualTo("not saturated: 64 clients got 2400 writes/s through");

    Report.Verdict unchecked = Report.verdict(INGEST_P99, Map.of("ingest_p99_ms", 53.0), Map.of());
    assertThat(unchecked.met()).isFalse();
    assertThat(unchecked.reason()).isEqualTo("saturation not checked");

    assertThat(ingestP99(153.0, 0.9).met()).isFalse();
  }

  private static Report.Verdict ingestP99(double p99, double vsMeasured) {
    return Report.verdict(
        INGEST_P99,
        Map.of("ingest_p99_ms", p99),
        Map.of(
            "ingest_saturation_check",
            Map.of("threads", 64, "writes_per_s", 2400.0, "vs_measured", vsMeasured)));
  }
}
