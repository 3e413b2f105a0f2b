package kz.forumpulse.faq;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Developer aid (not a test): prints the features of each labelled question, by intent. */
final class AnalysisDump {

  private AnalysisDump() {}

  public static void main(String[] args) throws Exception {
    var json = JsonMapper.builder().build();
    var analyzer = new QuestionAnalyzer(ConceptLexicon.defaultLexicon(), Settings.defaults());
    analyzer.setTracing(true);
    Map<String, StringBuilder> byIntent = new TreeMap<>();
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      var a = analyzer.analyze(n.get("text").asString(), n.get("lang").asString());
      String key = n.get("project").asString() + " " + n.get("intent").asString();
      byIntent
          .computeIfAbsent(key, k -> new StringBuilder())
          .append("  ")
          .append(n.get("id").asString())
          .append(' ')
          .append(String.join(" ", a.features().keySet()).replace("c:", ""))
          .append("\n      ")
          .append(n.get("text").asString())
          .append("\n      ")
          .append(String.join(" | ", a.trace()))
          .append('\n');
    }
    byIntent.forEach((k, v) -> System.out.print("== " + k + "\n" + v));
  }
}
