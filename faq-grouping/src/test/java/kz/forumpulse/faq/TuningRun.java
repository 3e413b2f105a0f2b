package kz.forumpulse.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Developer aid (not a test): scores the dev set with settings from {@code -Dfaq.*} properties,
 * overall and on two random halves of the intents (tune on one, check on the other).
 */
final class TuningRun {

  private TuningRun() {}

  public static void main(String[] args) throws Exception {
    var all = LabelledQuestions.load("/faq-questions-dev.jsonl");
    Settings s = Settings.fromSystemProperties();
    var extra = LabelledQuestions.load("/faq-questions-extra.jsonl");
    var extraPredicted = group(extra, s);
    System.out.println("extra  " + LabelledQuestions.score(extra, extraPredicted));
    if (Boolean.getBoolean("faq.verbose")) {
      report(extra, extraPredicted);
    }
    var predicted = group(all, s);
    System.out.println("all    " + LabelledQuestions.score(all, predicted));
    if (Boolean.getBoolean("faq.verbose")) {
      report(all, predicted);
    }
    int shuffles = Integer.getInteger("faq.shuffles", 0);
    double sum = 0;
    double min = 1;
    for (int i = 0; i < shuffles; i++) {
      var copy = new ArrayList<>(all);
      java.util.Collections.shuffle(copy, new Random(1000 + i));
      double f = LabelledQuestions.score(copy, group(copy, s)).f1();
      sum += f;
      min = Math.min(min, f);
    }
    if (shuffles > 0) {
      System.out.printf("shuffled x%d: mean F1 %.3f, min %.3f%n", shuffles, sum / shuffles, min);
    }
    List<String> intents =
        new ArrayList<>(new TreeSet<>(all.stream().map(q -> q.intent()).toList()));
    java.util.Collections.shuffle(intents, new Random(Long.getLong("faq.seed", 7)));
    var half = new TreeSet<>(intents.subList(0, intents.size() / 2));
    var a = all.stream().filter(q -> half.contains(q.intent())).toList();
    var b = all.stream().filter(q -> !half.contains(q.intent())).toList();
    System.out.println("half A " + LabelledQuestions.score(a, group(a, s)));
    System.out.println("half B " + LabelledQuestions.score(b, group(b, s)));
  }

  private static void report(
      List<LabelledQuestions.Question> all, java.util.Map<String, String> predicted) {
    var byGroup = new java.util.TreeMap<String, List<LabelledQuestions.Question>>();
    for (var q : all) {
      byGroup.computeIfAbsent(predicted.get(q.id()), k -> new ArrayList<>()).add(q);
    }
    byGroup.forEach(
        (g, qs) -> {
          if (qs.stream().map(q -> q.intent()).distinct().count() > 1) {
            System.out.println("MIXED " + g);
            qs.forEach(q -> System.out.println("   " + q.intent() + " " + q.id() + " " + q.text()));
          }
        });
    var byIntent = new java.util.TreeMap<String, java.util.TreeSet<String>>();
    for (var q : all) {
      byIntent
          .computeIfAbsent(q.intent(), k -> new java.util.TreeSet<>())
          .add(predicted.get(q.id()));
    }
    byIntent.forEach(
        (i, gs) -> {
          if (gs.size() > 1) {
            System.out.println("SPLIT " + i + " -> " + gs);
          }
        });
  }

  private static java.util.Map<String, String> group(
      List<LabelledQuestions.Question> qs, Settings s) {
    if (Boolean.getBoolean("faq.stopwordsOnly")) {
      // ablation: the same engine with only the stopword lines of the lexicon
      String stops;
      try (var in = ConceptLexicon.class.getResourceAsStream("lexicon.txt")) {
        stops =
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.startsWith("stop:"))
                .collect(java.util.stream.Collectors.joining("\n"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      ConceptLexicon lex = ConceptLexicon.parse(stops);
      return LabelledQuestions.group(qs, () -> new FaqGrouper(s, lex));
    }
    return LabelledQuestions.group(qs, () -> new FaqGrouper(s));
  }
}
