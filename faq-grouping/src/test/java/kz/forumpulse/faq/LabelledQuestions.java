package kz.forumpulse.faq;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The labelled dev questions and the B-cubed / pairwise scores of a grouping of them. */
final class LabelledQuestions {

  record Question(String id, String project, String lang, String text, String intent) {}

  record Scores(double precision, double recall, double f1, double pairwiseF1) {
    @Override
    public String toString() {
      return String.format(
          "bcubed precision %.3f  recall %.3f  F1 %.3f  pairwise F1 %.3f",
          precision, recall, f1, pairwiseF1);
    }
  }

  private LabelledQuestions() {}

  static List<Question> load(String resource) throws IOException {
    var json = JsonMapper.builder().build();
    List<Question> out = new ArrayList<>();
    try (InputStream in = LabelledQuestions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing test resource " + resource);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        out.add(
            new Question(
                n.get("id").asString(),
                n.get("project").asString(),
                n.get("lang").asString(),
                n.get("text").asString(),
                n.get("intent").asString()));
      }
    }
    return out;
  }

  /** Groups the questions in file order, one grouper per project, as the CLI does. */
  static Map<String, String> group(List<Question> questions, Supplier<FaqGrouper> groupers) {
    Map<String, FaqGrouper> byProject = new LinkedHashMap<>();
    Map<String, String> predicted = new LinkedHashMap<>();
    for (Question q : questions) {
      FaqGrouper g = byProject.computeIfAbsent(q.project(), p -> groupers.get());
      predicted.put(q.id(), q.project() + "/" + g.add(q.id(), q.text(), q.lang()));
    }
    return predicted;
  }

  /**
   * B-cubed (Bagga and Baldwin): per question, precision is the share of its predicted group that
   * has its intent and recall the share of its intent that is in its predicted group; both are
   * averaged over questions and F1 is their harmonic mean. Same definition as faq_score.py.
   */
  static Scores score(List<Question> questions, Map<String, String> predicted) {
    Map<String, List<String>> byGold = new LinkedHashMap<>();
    Map<String, List<String>> byPred = new LinkedHashMap<>();
    Map<String, String> gold = new LinkedHashMap<>();
    for (Question q : questions) {
      gold.put(q.id(), q.intent());
      byGold.computeIfAbsent(q.intent(), k -> new ArrayList<>()).add(q.id());
      String p = predicted.getOrDefault(q.id(), "__missing__" + q.id());
      byPred.computeIfAbsent(p, k -> new ArrayList<>()).add(q.id());
    }
    double prec = 0;
    double rec = 0;
    for (Question q : questions) {
      List<String> samePred = byPred.get(predicted.getOrDefault(q.id(), "__missing__" + q.id()));
      List<String> sameGold = byGold.get(q.intent());
      long both = samePred.stream().filter(id -> gold.get(id).equals(q.intent())).count();
      prec += (double) both / samePred.size();
      rec += (double) both / sameGold.size();
    }
    int n = questions.size();
    double p = prec / n;
    double r = rec / n;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);

    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        Question qa = questions.get(a);
        Question qb = questions.get(b);
        boolean sg = qa.intent().equals(qb.intent());
        boolean sp =
            predicted
                .getOrDefault(qa.id(), "__missing__" + qa.id())
                .equals(predicted.getOrDefault(qb.id(), "__missing__" + qb.id()));
        if (sg && sp) {
          tp++;
        } else if (sp) {
          fp++;
        } else if (sg) {
          fn++;
        }
      }
    }
    double pp = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double pr = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double pf = pp + pr == 0 ? 0 : 2 * pp * pr / (pp + pr);
    return new Scores(p, r, f, pf);
  }
}
