package kz.forumpulse.registration.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {

  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasBecomeText() {
    assertThat(Cells.defuse("=1+1")).isEqualTo("'=1+1");
    assertThat(Cells.defuse("+77011234567")).isEqualTo("'+77011234567");
    assertThat(Cells.defuse("-2")).isEqualTo("'-2");
    assertThat(Cells.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Cells.defuse("\t=1")).isEqualTo("'\t=1");
    assertThat(Cells.defuse("Айгуль")).isEqualTo("Айгуль");
    assertThat(Cells.defuse(null)).isEmpty();
  }

  @Test
  void csvFieldsAreQuotedOnlyWhenNeeded() {
    assertThat(Cells.csv("plain")).isEqualTo("plain");
    assertThat(Cells.csv("a,b")).isEqualTo("\"a,b\"");
    assertThat(Cells.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Cells.csv("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Cells.csv("=A1,B1")).isEqualTo("\"'=A1,B1\"");
  }
}
