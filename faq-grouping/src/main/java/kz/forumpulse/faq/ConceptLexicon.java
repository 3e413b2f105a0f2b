package kz.forumpulse.faq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bilingual concept lexicon: Russian and Kazakh words (and short phrases) of this domain mapped
 * to shared concept ids, so "кредит", "ссуда" and "несие" become one feature and a Russian and a
 * Kazakh question can be compared at all. Loaded from {@code lexicon.txt} next to this class; see
 * the header of that file for the format.
 */
final class ConceptLexicon {

  /** How much a concept says about which FAQ a question belongs to. */
  enum Kind {
    /** Names a party project; nearly every question of a project has it, so it says little. */
    PROJECT,
    /** What the question is about (land, housing, internet...). */
    TOPIC,
    /**
     * What the question asks for (term, rate, documents, where to apply...): the feature that
     * separates questions with the same topic but a different ask.
     */
    ASK,
    /** Bare question words (when, where, how much): weak evidence of the ask. */
    QWORD
  }

  record Concept(int id, String name, Kind kind) {}

  /**
   * A word of a pattern: '=' whole word (inflections of words of 4+ letters), '*' prefix, '+' root.
   */
  record Element(String text, char mode, String ruStem, String kkStem) {}

  record Pattern(Element[] elements, String lang, Concept concept, int order) {}

  record Rule(List<Concept> all, Concept result) {}

  /**
   * A pattern matched at some position, and how many tokens (skipped stopwords included) it used.
   */
  record Match(Pattern pattern, int consumed) {}

  /**
   * A token with its stems, and what the lexicon knows of it: the patterns whose first word may be
   * this token (in the order {@link #match} tries them) and whether it is a stopword. Made by
   * {@link #token} once per distinct token: a token is met at every position a phrase might start
   * or skip it, and looking its candidates up there each time was a third of analysing a question.
   */
  record Token(String text, String ru, String kk, List<Pattern> candidates, boolean stopword) {}

  private static volatile ConceptLexicon defaultInstance;

  private final Map<String, Concept> concepts = new LinkedHashMap<>();
  private final Map<String, List<Pattern>> exactIndex = new HashMap<>();
  private final PrefixTrie prefixIndex = new PrefixTrie();
  private final List<Pattern> singleWordPatterns = new ArrayList<>();
  private final Set<String> stopwords = new HashSet<>();
  private final List<Rule> rules = new ArrayList<>();
  // typo look-ups scan the whole lexicon; the same unknown words come back again and again
  private final Map<String, Pattern> fuzzyCache = new ConcurrentHashMap<>();
  private final Map<String, Boolean> fuzzyStopCache = new ConcurrentHashMap<>();

  private static final Pattern NO_MATCH =
      new Pattern(new Element[0], null, new Concept(-1, "", Kind.TOPIC), -1);

  static ConceptLexicon defaultLexicon() {
    ConceptLexicon l = defaultInstance;
    if (l == null) {
      synchronized (ConceptLexicon.class) {
        l = defaultInstance;
        if (l == null) {
          try (InputStream in = ConceptLexicon.class.getResourceAsStream("lexicon.txt")) {
            if (in == null) {
              throw new IllegalStateException("lexicon.txt missing from the classpath");
            }
            l = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          defaultInstance = l;
        }
      }
    }
    return l;
  }

  static ConceptLexicon parse(String text) {
    ConceptLexicon lex = new ConceptLexicon();
    Stemmers stemmers = new Stemmers();
    int order = 0;
    int lineNo = 0;
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        int hash = line.indexOf('#');
        if (hash >= 0) {
          line = line.substring(0, hash);
        }
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
          throw new IllegalArgumentException("lexicon line " + lineNo + ": no ':'");
        }
        String[] head = line.substring(0, colon).strip().split("\\s+");
        String body = line.substring(colon + 1);
        String kind = head[0].toLowerCase(Locale.ROOT);
        if (kind.equals("stop")) {
          for (String w : body.split("[;,\\s]+")) {
            if (!w.isBlank()) {
              lex.stopwords.add(TextNormalizer.normalize(w));
            }
          }
          continue;
        }
        if (head.length != 2) {
          throw new IllegalArgumentException("lexicon line " + lineNo + ": expected 'kind NAME:'");
        }
        if (kind.equals("rule")) {
          Concept result = lex.concept(head[1], null);
          List<Concept> all = new ArrayList<>();
          for (String c : body.split("\\+")) {
            Concept known = lex.concepts.get(c.strip());
            if (known == null) {
              throw new IllegalArgumentException(
                  "lexicon line " + lineNo + ": unknown concept " + c.strip());
            }
            all.add(known);
          }
          lex.rules.add(new Rule(List.copyOf(all), result));
          continue;
        }
        Kind k = Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        Concept concept = lex.concept(head[1], k);
        for (String term : body.split(";")) {
          term = term.strip();
          if (term.isEmpty()) {
            continue;
          }
          String lang = null;
          if (term.startsWith("kk:") || term.startsWith("ru:")) {
            lang = term.substring(0, 2);
            term = term.substring(3).strip();
          }
          // hyphens split words in questions ("бизнес-план", "өзін-өзі"), so they do here too
          String[] words = glueNegation(term.split("[\\s\\-–]+"), lang);
          Element[] elements = new Element[words.length];
          for (int i = 0; i < words.length; i++) {
            String w = words[i];
            char mode = '=';
            if (w.endsWith("*") || w.endsWith("+")) {
              mode = w.charAt(w.length() - 1);
              w = w.substring(0, w.length() - 1);
            }
            w = TextNormalizer.normalize(w);
            elements[i] = new Element(w, mode, stemmers.ru(w), KazakhStemmer.stem(w));
          }
          lex.addPattern(new Pattern(elements, lang, concept, order++));
          // Kazakh voices a final қ/к/п before a vowel suffix (кезек -> кезегі): the prefix
          // "кезек*" must also catch "кезег...".
          Element last = elements[elements.length - 1];
          String voiced = voiced(last.text());
          if (last.mode() == '*' && voiced != null) {
            Element[] alt = elements.clone();
            alt[alt.length - 1] = new Element(voiced, '*', last.ruStem(), last.kkStem());
            lex.addPattern(new Pattern(alt, lang, concept, order++));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lex;
  }

  private Concept concept(String name, Kind kind) {
    Concept c = concepts.get(name);
    if (c == null) {
      c = new Concept(concepts.size(), name, kind == null ? Kind.ASK : kind);
      concepts.put(name, c);
    } else if (kind != null && c.kind() != kind) {
      throw new IllegalArgumentException("concept " + name + " declared with two kinds");
    }
    return c;
  }

  private void addPattern(Pattern p) {
    Element first = p.elements()[0];
    if (first.mode() == '*') {
      prefixIndex.add(first.text(), p);
    } else {
      Set<String> keys = new HashSet<>();
      keys.add(first.text());
      if (first.mode() == '=' && first.text().length() >= 4) {
        keys.add(first.ruStem());
        keys.add(first.kkStem());
      }
      for (String key : keys) {
        exactIndex.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      }
    }
    if (p.elements().length == 1) {
      singleWordPatterns.add(p);
    }
  }

  boolean isStopword(String token) {
    return stopwords.contains(token);
  }

  /** The token {@code text} with its Russian and Kazakh stems, and its candidates looked up. */
  Token token(String text, String ru, String kk) {
    List<Pattern> candidates = new ArrayList<>();
    addAll(candidates, exactIndex.get(text));
    addAll(candidates, exactIndex.get(ru));
    addAll(candidates, exactIndex.get(kk));
    prefixIndex.collect(text, candidates);
    return new Token(
        text, ru, kk, candidates.isEmpty() ? List.of() : List.copyOf(candidates), isStopword(text));
  }

  List<Rule> rules() {
    return Collections.unmodifiableList(rules);
  }

  Map<String, Concept> concepts() {
    return Collections.unmodifiableMap(concepts);
  }

  /**
   * The best pattern starting at {@code tokens[pos]}: the longest phrase, then the most specific
   * match, then the one written first in the lexicon. Stopwords between the words of a phrase are
   * skipped ("из города в село" matches "город* сел*"). Null when nothing matches.
   */
  Match match(List<Token> tokens, int pos, String lang) {
    Token t = tokens.get(pos);
    List<Pattern> candidates = t.candidates();
    Pattern best = null;
    int bestConsumed = 0;
    int bestLen = 0;
    int bestSpec = 0;
    // a stopword only starts a phrase written with that very word ("что будет", "на сколько")
    boolean stop = t.stopword();
    for (Pattern p : candidates) {
      if (p.lang() != null && !p.lang().equals(lang)) {
        continue;
      }
      Element[] el = p.elements();
      if (stop && !el[0].text().equals(t.text())) {
        continue;
      }
      int spec = 0;
      int at = pos;
      boolean ok = true;
      for (int i = 0; i < el.length && ok; i++) {
        if (i > 0) {
          while (at < tokens.size()
              && tokens.get(at).stopword()
              && specificity(el[i], tokens.get(at), lang) == 0) {
            at++;
          }
        }
        if (at >= tokens.size()) {
          ok = false;
          break;
        }
        int s = specificity(el[i], tokens.get(at), lang);
        ok = s > 0;
        spec += s;
        at++;
      }
      if (!ok) {
        continue;
      }
      if (best == null
          || el.length > bestLen
          || (el.length == bestLen && spec > bestSpec)
          || (el.length == bestLen && spec == bestSpec && p.order() < best.order())) {
        best = p;
        bestLen = el.length;
        bestSpec = spec;
        bestConsumed = at - pos;
      }
    }
    return best == null ? null : new Match(best, bestConsumed);
  }

  private static String voiced(String w) {
    if (w.length() < 4) {
      return null;
    }
    char last = w.charAt(w.length() - 1);
    char v =
        switch (last) {
          case 'қ' -> 'ғ';
          case 'к' -> 'г';
          case 'п' -> 'б';
          default -> 0;
        };
    return v == 0 ? null : w.substring(0, w.length() - 1) + v;
  }

  /** Same gluing of Russian "не" as the analyzer does to questions. */
  private static String[] glueNegation(String[] words, String lang) {
    if ("kk".equals(lang)) {
      return words;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].equals("не") && i + 1 < words.length) {
        out.add("не" + words[++i]);
      } else {
        out.add(words[i]);
      }
    }
    return out.toArray(String[]::new);
  }

  /**
   * Typo tolerance for a Russian word the lexicon does not know: the single-word pattern within
   * edit distance 1 (2 for words of 9+ letters against patterns of 7+ letters). Short words and
   * Kazakh words are left alone: one edit turns a short word, or an inflected Kazakh form, into
   * another real word too often.
   */
  Pattern fuzzyMatch(Token t, String lang) {
    String w = t.text();
    if (w.length() < 6
        || !"ru".equals(lang)
        || !Character.isLetter(w.charAt(0))
        || TextNormalizer.hasKazakhLetter(w)) {
      return null;
    }
    Pattern cached = fuzzyCache.get(w);
    if (cached != null) {
      return cached == NO_MATCH ? null : cached;
    }
    Pattern best = null;
    int bestDist = Integer.MAX_VALUE;
    for (Pattern p : singleWordPatterns) {
      if ("kk".equals(p.lang())) {
        continue;
      }
      Element e = p.elements()[0];
      if (e.text().length() < 5 || TextNormalizer.hasKazakhLetter(e.text())) {
        continue;
      }
      int maxDist = w.length() >= 9 && e.text().length() >= 7 ? 2 : 1;
      int d;
      if (e.mode() == '*') {
        d = prefixDistance(e.text(), w, maxDist);
      } else {
        d = EditDistance.bounded(e.text(), w, maxDist);
      }
      if (d <= maxDist && d < bestDist) {
        best = p;
        bestDist = d;
      }
    }
    if (fuzzyCache.size() < 500_000) {
      fuzzyCache.put(w, best == null ? NO_MATCH : best);
    }
    return best;
  }

  /** Whether a typo of a stopword ("вобще", "пожалуста") should be dropped like the stopword. */
  boolean isFuzzyStopword(String w) {
    if (w.length() < 5) {
      return false;
    }
    Boolean cached = fuzzyStopCache.get(w);
    if (cached != null) {
      return cached;
    }
    boolean found = false;
    for (String s : stopwords) {
      if (s.length() >= 5 && EditDistance.bounded(s, w, 1) <= 1) {
        found = true;
        break;
      }
    }
    if (fuzzyStopCache.size() < 500_000) {
      fuzzyStopCache.put(w, found);
    }
    return found;
  }

  private static int prefixDistance(String prefix, String word, int maxDist) {
    int best = Integer.MAX_VALUE;
    for (int len = prefix.length() - maxDist; len <= prefix.length() + maxDist; len++) {
      if (len < 1 || len > word.length()) {
        continue;
      }
      best = Math.min(best, EditDistance.bounded(prefix, word.substring(0, len), maxDist));
    }
    return best;
  }

  /**
   * How well a token fits a pattern word (0: not at all). Inflections are recognised by the stem of
   * the token's own language only, and only for stems of 4+ letters: shorter stems of different
   * words collide too often ("кірісін" and "кіреді" both reduce to "кір").
   */
  private static int specificity(Element e, Token t, String lang) {
    switch (e.mode()) {
      case '*':
        return t.text().startsWith(e.text()) ? e.text().length() : 0;
      case '+':
        if (t.text().equals(e.text())) {
          return e.text().length() + 2;
        }
        return t.kk().equals(e.text()) || t.ru().equals(e.text()) ? e.text().length() + 1 : 0;
      default:
        if (t.text().equals(e.text())) {
          return e.text().length() + 2;
        }
        String tokenStem = "kk".equals(lang) ? t.kk() : t.ru();
        String patternStem = "kk".equals(lang) ? e.kkStem() : e.ruStem();
        // A Kazakh term written inflected ("халықпен") means that form, not every form of its
        // root ("халыққа"); only a Kazakh term given as a bare root stands for its inflections.
        boolean inflectable = !"kk".equals(lang) || patternStem.equals(e.text());
        if (inflectable
            && e.text().length() >= 4
            && patternStem.length() >= 4
            && tokenStem.equals(patternStem)) {
          return e.text().length() + 1;
        }
        return 0;
    }
  }

  private static void addAll(List<Pattern> into, List<Pattern> from) {
    if (from != null) {
      into.addAll(from);
    }
  }

  /**
   * Prefix patterns by the text of their first element. Every token of every question is looked up
   * at each of its prefixes; walking a trie does that in one pass, where a map needed a substring
   * and its hash per prefix length (analysing a question: 29.5 -> 27.4 us, docs/benchmark.md).
   */
  private static final class PrefixTrie {
    private char[] chars = new char[0];
    private PrefixTrie[] children = new PrefixTrie[0];
    private List<Pattern> patterns;

    void add(String prefix, Pattern pattern) {
      PrefixTrie node = this;
      for (int i = 0; i < prefix.length(); i++) {
        char c = prefix.charAt(i);
        PrefixTrie next = node.child(c);
        if (next == null) {
          next = node.insert(c);
        }
        node = next;
      }
      if (node.patterns == null) {
        node.patterns = new ArrayList<>();
      }
      node.patterns.add(pattern);
    }

    /**
     * Adds the patterns of every prefix of {@code text} of two or more characters, longest prefix
     * first.
     */
    void collect(String text, List<Pattern> into) {
      PrefixTrie[] path = new PrefixTrie[text.length()];
      int depth = 0;
      PrefixTrie node = this;
      while (depth < text.length() && (node = node.child(text.charAt(depth))) != null) {
        path[depth++] = node;
      }
      for (int len = depth; len >= 2; len--) {
        addAll(into, path[len - 1].patterns);
      }
    }

    private PrefixTrie child(char c) {
      int at = Arrays.binarySearch(chars, c);
      return at >= 0 ? children[at] : null;
    }

    private PrefixTrie insert(char c) {
      int at = -Arrays.binarySearch(chars, c) - 1;
      char[] moreChars = new char[chars.length + 1];
      PrefixTrie[] moreChildren = new PrefixTrie[children.length + 1];
      System.arraycopy(chars, 0, moreChars, 0, at);
      System.arraycopy(children, 0, moreChildren, 0, at);
      moreChars[at] = c;
      moreChildren[at] = new PrefixTrie();
      System.arraycopy(chars, at, moreChars, at + 1, chars.length - at);
      System.arraycopy(children, at, moreChildren, at + 1, children.length - at);
      chars = moreChars;
      children = moreChildren;
      return moreChildren[at];
    }
  }
}
