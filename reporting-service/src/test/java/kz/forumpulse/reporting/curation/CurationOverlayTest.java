package kz.forumpulse.reporting.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurationOverlayTest {

  private static CurationAction merge(String source, String target) {
    return new CurationAction(
        "e-" + source, "MERGE", "P", source, target, null, null, null, "m", Instant.now());
  }

  @Test
  void followsMergeChainsAndStopsAtCycles() {
    CurationOverlay overlay = CurationOverlay.of(List.of(merge("a", "b"), merge("b", "c")));
    assertThat(overlay.resolve("P", "a")).isEqualTo("c");
    assertThat(overlay.resolve("OTHER", "a")).isEqualTo("a");

    CurationOverlay cycle = CurationOverlay.of(List.of(merge("a", "b"), merge("b", "a")));
    assertThat(cycle.resolve("P", "a")).isIn("a", "b");
  }

  @Test
  void laterActionsWinAndMovesToNothingGetAGroupOfTheirOwn() {
    CurationOverlay overlay =
        CurationOverlay.of(
            List.of(
                new CurationAction("1", "MOVE", "P", null, "g1", "q1", null, null, "m", null),
                new CurationAction("2", "MOVE", "P", null, null, "q1", null, null, "m", null),
                new CurationAction("3", "TEXT", "P", null, "g1", null, "kk", "Мәтін", "m", null),
                new CurationAction(
                    "4", "TEXT", "P", null, "g1", null, "kk", "Жаңа мәтін", "m", null)));
    assertThat(overlay.moves()).containsEntry("q1", CurationOverlay.OWN_GROUP_PREFIX + "q1");
    assertThat(overlay.textsOf("P", "g1")).containsEntry("kk", "Жаңа мәтін");
    assertThat(overlay.referencedGroups()).contains("g1", "m-q1");
  }
}
