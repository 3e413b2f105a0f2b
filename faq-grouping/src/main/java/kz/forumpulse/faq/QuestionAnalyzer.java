package kz.forumpulse.faq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a question into weighted features: lexicon concepts (shared by both languages), stems of
 * the words the lexicon does not know, and the asked attributes. Not thread-safe (the Snowball
 * stemmer and the token cache are per instance).
 */
final class QuestionAnalyzer {

  /** Features of one question in first-seen order, and which of them name the asked attribute. */
  record Analysis(
      String lang, Map<String, Double> features, Set<String> asks, List<String> trace) {}

  private static final int TOKEN_CACHE_LIMIT = 200_000;

  private final ConceptLexicon lexicon;
  private final Settings settings;
  private final Stemmers stemmers = new Stemmers();
  private final Map<String, ConceptLexicon.Token> tokenCache = new HashMap<>();
  private boolean tracing;

  /** Records which words became which concept, for lexicon work; off in production. */
  void setTracing(boolean tracing) {
    this.tracing = tracing;
  }

  QuestionAnalyzer(ConceptLexicon lexicon, Settings settings) {
    this.lexicon = lexicon;
    this.settings = settings;
  }

  ConceptLexicon lexicon() {
    return lexicon;
  }

  Analysis analyze(String text, String langHint) {
    String lang = TextNormalizer.languageOrDetect(langHint, text);
    List<ConceptLexicon.Token> tokens = new ArrayList<>();
    List<String> raw = TextNormalizer.tokenize(text);
    for (int i = 0; i < raw.size(); i++) {
      String t = raw.get(i);
      // Russian "не" belongs to the next word: "не используется" must meet "неиспользуемый".
      if (lang.equals("ru")
          && t.equals("не")
          && i + 1 < raw.size()
          && !TextNormalizer.hasKazakhLetter(raw.get(i + 1))) {
        String glued = "не" + raw.get(i + 1);
        // glue only when the lexicon knows the negated form; "не создал" stays "создал"
        if (lexicon.match(List.of(token(glued)), 0, lang) != null) {
          t = glued;
        } else {
          t = raw.get(i + 1);
        }
        i++;
      }
      tokens.add(token(t));
    }
    Set<String> concepts = new LinkedHashSet<>();
    Map<String, Double> features = new LinkedHashMap<>();
    Set<String> asks = new LinkedHashSet<>();
    List<String> trace = tracing ? new ArrayList<>() : List.of();
    int i = 0;
    while (i < tokens.size()) {
      ConceptLexicon.Token t = tokens.get(i);
      String tokenLang = TextNormalizer.hasKazakhLetter(t.text()) ? "kk" : lang;
      ConceptLexicon.Match m = lexicon.match(tokens, i, tokenLang);
      if (m != null) {
        concepts.add(m.pattern().concept().name());
        if (tracing) {
          trace.add(
              String.join(" ", raw(tokens, i, m.consumed())) + "=" + m.pattern().concept().name());
        }
        i += m.consumed();
        continue;
      }
      i++;
      if (t.stopword()) {
        continue;
      }
      ConceptLexicon.Pattern p = lexicon.fuzzyMatch(t, tokenLang);
      if (p != null) {
        concepts.add(p.concept().name());
        if (tracing) {
          trace.add(t.text() + "~" + p.concept().name());
        }
        continue;
      }
      if (lexicon.isFuzzyStopword(t.text())) {
        continue;
      }
      String stem = tokenLang.equals("kk") ? t.kk() : t.ru();
      if (stem.length() >= 2 || Character.isDigit(stem.charAt(0))) {
        features.putIfAbsent("s:" + stem, settings.stemWeight());
      }
    }
    applyRules(concepts);
    Map<String, Double> ordered = new LinkedHashMap<>();
    Map<String, ConceptLexicon.Concept> all = lexicon.concepts();
    for (String name : concepts) {
      ConceptLexicon.Concept c = all.get(name);
      ordered.put("c:" + name, settings.weight(c.kind()));
      if (c.kind() == ConceptLexicon.Kind.ASK) {
        asks.add(name);
      }
    }
    ordered.putAll(features);
    return new Analysis(lang, ordered, asks, trace);
  }

  private static List<String> raw(List<ConceptLexicon.Token> tokens, int from, int count) {
    List<String> out = new ArrayList<>(count);
    for (int k = from; k < from + count; k++) {
      out.add(tokens.get(k).text());
    }
    return out;
  }

  /** Rules derive an ask from words that are far apart ("сколько ... лет" is a term question). */
  private void applyRules(Set<String> concepts) {
    boolean changed = true;
    for (int pass = 0; pass < 3 && changed; pass++) {
      changed = false;
      for (ConceptLexicon.Rule r : lexicon.rules()) {
        if (concepts.contains(r.result().name())) {
          continue;
        }
        boolean all = true;
        for (ConceptLexicon.Concept c : r.all()) {
          all &= concepts.contains(c.name());
        }
        if (all) {
          concepts.add(r.result().name());
          changed = true;
        }
      }
    }
  }

  private ConceptLexicon.Token token(String t) {
    ConceptLexicon.Token tok = tokenCache.get(t);
    if (tok == null) {
      tok = lexicon.token(t, stemmers.ru(t), stemmers.kk(t));
      if (tokenCache.size() >= TOKEN_CACHE_LIMIT) {
        tokenCache.clear();
      }
      tokenCache.put(t, tok);
    }
    return tok;
  }
}
