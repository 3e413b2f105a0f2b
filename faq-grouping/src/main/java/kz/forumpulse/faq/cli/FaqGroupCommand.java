package kz.forumpulse.faq.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.forumpulse.faq.FaqGrouper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code FaqGroupCommand INPUT.jsonl OUTPUT.jsonl}: reads questions
 * ({"id","project","lang","text"}, other fields ignored) and writes one {"id","group"} line per
 * question, grouping within each project in file order, exactly as the services would have grouped
 * them live.
 */
public final class FaqGroupCommand {

  private FaqGroupCommand() {}

  public static void main(String[] args) {
    int code = run(args, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(String[] args, PrintStream err) {
    if (args.length != 2) {
      err.println("usage: faq-group INPUT.jsonl OUTPUT.jsonl");
      return 2;
    }
    try {
      int n = group(Path.of(args[0]), Path.of(args[1]));
      err.println("grouped " + n + " questions");
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("faq-group: " + e.getMessage());
      return 1;
    }
  }

  static int group(Path input, Path output) throws IOException {
    ObjectMapper json = JsonMapper.builder().build();
    Map<String, FaqGrouper> byProject = new LinkedHashMap<>();
    int count = 0;
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("line " + lineNo + ": not JSON: " + e.getMessage());
        }
        String id = text(node, "id");
        if (id == null) {
          throw new IllegalArgumentException("line " + lineNo + ": no \"id\"");
        }
        String project = text(node, "project");
        FaqGrouper grouper =
            byProject.computeIfAbsent(project == null ? "" : project, p -> new FaqGrouper());
        String group = grouper.add(id, text(node, "text"), text(node, "lang"));
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("group", group);
        out.write(json.writeValueAsString(row));
        out.newLine();
        count++;
      }
    }
    return count;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }
}
