package kz.forumpulse.faq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaqGroupCommandTest {

  @TempDir Path dir;

  @Test
  void groupsWithinEachProjectInFileOrder() throws Exception {
    Path in = dir.resolve("in.jsonl");
    Path out = dir.resolve("out.jsonl");
    Files.write(
        in,
        List.of(
            "{\"id\":\"1\",\"project\":\"A\",\"lang\":\"ru\",\"text\":\"Когда проведут интернет в село?\",\"intent\":\"x\"}",
            "",
            "{\"id\":\"2\",\"project\":\"B\",\"lang\":\"ru\",\"text\":\"Когда проведут интернет в село?\"}",
            "{\"id\":\"3\",\"project\":\"A\",\"lang\":\"kk\",\"text\":\"Ауылға интернет қашан тартылады?\"}"),
        StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        FaqGroupCommand.run(new String[] {in.toString(), out.toString()}, new PrintStream(err));
    assertThat(code).isZero();
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
        .containsExactly(
            "{\"id\":\"1\",\"group\":\"1\"}",
            "{\"id\":\"2\",\"group\":\"2\"}",
            "{\"id\":\"3\",\"group\":\"1\"}");
  }

  @Test
  void reportsBadInput() throws Exception {
    Path in = dir.resolve("bad.jsonl");
    Files.writeString(in, "{not json\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        FaqGroupCommand.run(
            new String[] {in.toString(), dir.resolve("o.jsonl").toString()}, new PrintStream(err));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("line 1");
  }

  @Test
  void requiresTwoArguments() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(FaqGroupCommand.run(new String[0], new PrintStream(err))).isEqualTo(2);
    assertThat(err.toString()).contains("usage");
  }
}
