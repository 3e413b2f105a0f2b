package kz.forumpulse.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesAndDefusesWhatASpreadsheetWouldRun() {
    Table table =
        new Table(
            "faq",
            List.of("question", "asked"),
            List.of(
                List.of("=HYPERLINK(\"http://evil\")", 3),
                List.of("+7 701 000", 1),
                List.of("-2+3", 1),
                List.of("@SUM(A1)", 1),
                List.of("Кредит, ставка и \"сроки\"", 2)));

    String csv = new String(Csv.write(table), StandardCharsets.UTF_8);

    assertThat(csv).startsWith("\uFEFFquestion,asked\r\n");
    assertThat(csv)
        .contains("\"'=HYPERLINK(\"\"http://evil\"\")\",3")
        .contains("'+7 701 000,1")
        .contains("'-2+3,1")
        .contains("'@SUM(A1),1")
        .contains("\"Кредит, ставка и \"\"сроки\"\"\",2");
  }
}
