package kz.forumpulse.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Groups near-duplicate questions (Russian and Kazakh) of one forum project into FAQ entries,
 * incrementally, in arrival order.
 *
 * <p>Each question becomes a TF-IDF weighted, unit-length vector of lexicon concepts, asked
 * attributes and leftover stems (see {@link QuestionAnalyzer}). A new question joins the group with
 * the highest average similarity to its members if that similarity clears a threshold, and opens a
 * new group otherwise. Groups never merge or split afterwards, so a group id handed out once stays
 * valid. Document frequencies come from the questions added so far, which makes the result a pure
 * function of the sequence of calls.
 *
 * <p>One instance per (forum, project). Not thread-safe: the caller synchronises.
 */
public final class FaqGrouper {

  private final Settings settings;
  private final QuestionAnalyzer analyzer;

  private final Map<String, Integer> featureIds = new HashMap<>();
  private final List<String> featureNames = new ArrayList<>();
  private int[] documentFrequency = new int[256];

  private final List<Question> questions = new ArrayList<>();
  private final Map<String, Question> questionsById = new HashMap<>();
  private final List<Group> groups = new ArrayList<>();
  private final Map<String, Group> groupsById = new HashMap<>();

  /**
   * feature id -> groups whose members have the feature (in the order they first got it), with the
   * group's centroid weight for it, so scoring a group needs no map look-up.
   */
  private final List<IntList> groupPostings = new ArrayList<>();

  private final List<DoubleList> groupPostingWeights = new ArrayList<>();

  /**
   * feature id -> questions that have the feature (arrival order), with the feature's weight in
   * each, so scoring a posting needs no lookup.
   */
  private final List<IntList> questionPostings = new ArrayList<>();

  private final List<FloatList> questionPostingWeights = new ArrayList<>();

  // scratch space reused by every call, sized to the number of groups / questions
  private double[] groupScores = new double[64];
  private boolean[] groupTouched = new boolean[64];
  private double[] questionScores = new double[64];
  private boolean[] questionTouched = new boolean[64];

  public FaqGrouper() {
    this(Settings.defaults());
  }

  FaqGrouper(Settings settings) {
    this(settings, ConceptLexicon.defaultLexicon());
  }

  FaqGrouper(Settings settings, ConceptLexicon lexicon) {
    this.settings = settings;
    this.analyzer = new QuestionAnalyzer(lexicon, settings);
  }

  /**
   * Places the question into an existing group or opens a new one; deterministic given the same
   * calls in the same order. Adding an id already added returns its existing group.
   *
   * @param lang "ru" or "kk"; null (or anything else) detects the language from the text
   * @return the group id: the id of the question that opened the group
   */
  public String add(String questionId, String text, String lang) {
    return add(questionId, () -> analyzer.analyze(text == null ? "" : text, lang));
  }

  /**
   * Like {@link #add(String, String, String)} with the text analysed beforehand, e.g. on another
   * thread while this engine places earlier questions: same result as adding the text itself.
   */
  public String add(String questionId, Prepared prepared) {
    return add(
        questionId,
        () ->
            prepared.lexicon == analyzer.lexicon() && prepared.settings.equals(settings)
                ? prepared.analysis
                : analyzer.analyze(prepared.text, prepared.lang));
  }

  /** The analysis is only made for a question not added before. */
  private String add(String questionId, Supplier<QuestionAnalyzer.Analysis> analysis) {
    if (questionId == null) {
      throw new IllegalArgumentException("questionId is required");
    }
    Question existing = questionsById.get(questionId);
    if (existing != null) {
      return existing.group.id();
    }
    return place(questionId, analysis.get());
  }

  /** A question's text analysed for {@link #add(String, Prepared)}. Immutable. */
  public static final class Prepared {
    private final String text;
    private final String lang;
    private final ConceptLexicon lexicon;
    private final Settings settings;
    private final QuestionAnalyzer.Analysis analysis;

    private Prepared(
        String text,
        String lang,
        ConceptLexicon lexicon,
        Settings settings,
        QuestionAnalyzer.Analysis analysis) {
      this.text = text;
      this.lang = lang;
      this.lexicon = lexicon;
      this.settings = settings;
      this.analysis = analysis;
    }
  }

  /**
   * Analyses texts for engines with the default settings ({@code new FaqGrouper()}). Not
   * thread-safe: one per thread.
   */
  public static final class Preparer {
    private final Settings settings = Settings.defaults();
    private final QuestionAnalyzer analyzer =
        new QuestionAnalyzer(ConceptLexicon.defaultLexicon(), settings);

    public Prepared prepare(String text, String lang) {
      String t = text == null ? "" : text;
      return new Prepared(t, lang, analyzer.lexicon(), settings, analyzer.analyze(t, lang));
    }
  }

  private String place(String questionId, QuestionAnalyzer.Analysis analysis) {
    int n = analysis.features().size();
    int[] ids = new int[n];
    double[] base = new double[n];
    int k = 0;
    for (Map.Entry<String, Double> e : analysis.features().entrySet()) {
      ids[k] = featureId(e.getKey());
      documentFrequency[ids[k]]++;
      base[k] = e.getValue();
      k++;
    }
    int docs = questions.size() + 1;
    Vector v = vector(ids, base, docs);
    int[] asks = askIds(analysis);
    Question q =
        new Question(questions.size(), questionId, analysis.lang(), v.ids, v.weights, asks);

    Group target = bestGroup(q);
    if (target == null) {
      target = new Group(groups.size(), q);
      groups.add(target);
      groupsById.put(target.id(), target);
    }
    target.add(q, groupPostings, groupPostingWeights);
    questions.add(q);
    questionsById.put(questionId, q);
    for (int i = 0; i < q.features.length; i++) {
      questionPostings.get(q.features[i]).add(q.index);
      questionPostingWeights.get(q.features[i]).add((float) q.weights[i]);
    }
    return target.id();
  }

  public Optional<String> groupOf(String questionId) {
    Question q = questionsById.get(questionId);
    return q == null ? Optional.empty() : Optional.of(q.group.id());
  }

  /** All groups, most members first, ties in the order the groups were opened. */
  public List<FaqGroup> groups() {
    List<Group> sorted = new ArrayList<>(groups);
    sorted.sort(
        Comparator.comparingInt((Group g) -> g.members.size())
            .reversed()
            .thenComparingInt(g -> g.index));
    List<FaqGroup> out = new ArrayList<>(sorted.size());
    for (Group g : sorted) {
      List<String> ids = new ArrayList<>(g.members.size());
      TreeSet<String> langs = new TreeSet<>();
      for (Question m : g.members) {
        ids.add(m.id);
        langs.add(m.lang);
      }
      out.add(new FaqGroup(g.id(), g.representative(null, groupPostingWeights).id, ids, langs));
    }
    return out;
  }

  /**
   * The most central member of the group written in {@code lang} ("ru"/"kk"), or the overall
   * representative when the group has no member in that language. Null for an unknown group.
   */
  public String representativeFor(String groupId, String lang) {
    Group g = groupsById.get(groupId);
    if (g == null) {
      return null;
    }
    String l = lang == null ? null : lang.trim().toLowerCase(java.util.Locale.ROOT);
    if ("kz".equals(l)) {
      l = "kk";
    }
    Question inLang =
        "kk".equals(l) || "ru".equals(l) ? g.representative(l, groupPostingWeights) : null;
    return inLang != null ? inLang.id : g.representative(null, groupPostingWeights).id;
  }

  /**
   * Up to {@code limit} existing questions most similar to a draft, best first. Uses the inverted
   * index, so the cost grows with the postings of the draft's features, not with the number of
   * questions.
   */
  public List<SimilarQuestion> similar(String text, String lang, int limit) {
    if (limit <= 0 || questions.isEmpty()) {
      return List.of();
    }
    QuestionAnalyzer.Analysis analysis = analyzer.analyze(text == null ? "" : text, lang);
    int n = analysis.features().size();
    int[] ids = new int[n];
    double[] base = new double[n];
    int k = 0;
    for (Map.Entry<String, Double> e : analysis.features().entrySet()) {
      Integer id = featureIds.get(e.getKey());
      // an unseen feature matches nothing but still makes the draft less similar to everything
      ids[k] = id == null ? -1 - k : id;
      base[k] = e.getValue();
      k++;
    }
    Vector v = vector(ids, base, questions.size());
    int[] asks = askIdsKnown(analysis);
    ensureQuestionScratch();

    // Rarest (highest weight) features first. Once enough candidates are collected, the
    // remaining common features only add to the candidates already found: a question sharing
    // nothing but common words with the draft cannot rank high anyway.
    Integer[] order = new Integer[v.ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(v.weights[y], v.weights[x]));
    IntList touched = new IntList();
    for (int i : order) {
      int f = v.ids[i];
      if (f < 0) {
        continue;
      }
      IntList postings = questionPostings.get(f);
      FloatList pw = questionPostingWeights.get(f);
      double w = v.weights[i];
      boolean open = touched.size() < settings.similarCandidateCap();
      for (int p = 0; p < postings.size(); p++) {
        int qi = postings.get(p);
        if (!questionTouched[qi]) {
          if (!open) {
            continue;
          }
          questionTouched[qi] = true;
          touched.add(qi);
        }
        questionScores[qi] += w * pw.get(p);
      }
    }
    PriorityQueue<Scored> top =
        new PriorityQueue<>(
            Comparator.comparingDouble((Scored s) -> s.score)
                .thenComparing(Comparator.comparingInt((Scored s) -> s.index).reversed()));
    for (int t = 0; t < touched.size(); t++) {
      int qi = touched.get(t);
      double score = questionScores[qi];
      questionScores[qi] = 0;
      questionTouched[qi] = false;
      // the ask penalty only lowers a score: skip it for candidates that cannot enter the top
      if (score <= 0 || (top.size() >= limit && score <= top.peek().score)) {
        continue;
      }
      Question q = questions.get(qi);
      if (asks.length > 0 && q.asks.length > 0 && !intersects(asks, q.asks)) {
        score *= settings.askConflictPenalty();
      }
      if (top.size() < limit) {
        top.add(new Scored(qi, score));
      } else if (score > top.peek().score) {
        // an equal score does not displace the candidate found first
        top.poll();
        top.add(new Scored(qi, score));
      }
    }
    List<SimilarQuestion> out = new ArrayList<>(top.size());
    while (!top.isEmpty()) {
      Scored s = top.poll();
      Question q = questions.get(s.index);
      out.add(new SimilarQuestion(q.id, q.group.id(), Math.min(1.0, s.score)));
    }
    java.util.Collections.reverse(out);
    return out;
  }

  public int size() {
    return questions.size();
  }

  // ---------------------------------------------------------------------------------------------

  private Group bestGroup(Question q) {
    if (groups.isEmpty()) {
      return null;
    }
    ensureGroupScratch();
    IntList touched = new IntList();
    IntList heavy = new IntList();
    for (int i = 0; i < q.features.length; i++) {
      int f = q.features[i];
      IntList postings = groupPostings.get(f);
      if (postings.size() > settings.groupPostingCap()) {
        heavy.add(i);
        continue;
      }
      DoubleList pw = groupPostingWeights.get(f);
      double w = q.weights[i];
      for (int p = 0; p < postings.size(); p++) {
        int gi = postings.get(p);
        if (!groupTouched[gi]) {
          groupTouched[gi] = true;
          touched.add(gi);
        }
        groupScores[gi] += w * pw.get(p);
      }
    }
    if (touched.size() == 0 && heavy.size() > 0) {
      IntList postings = rarest(heavy, q.features, groupPostings);
      int from = Math.max(0, postings.size() - settings.groupPostingCap());
      for (int p = from; p < postings.size(); p++) {
        int gi = postings.get(p);
        groupTouched[gi] = true;
        touched.add(gi);
      }
    }
    Group best = null;
    double bestScore = settings.threshold();
    for (int t = 0; t < touched.size(); t++) {
      int gi = touched.get(t);
      Group g = groups.get(gi);
      double dot = groupScores[gi];
      for (int h = 0; h < heavy.size(); h++) {
        int i = heavy.get(h);
        dot += q.weights[i] * g.centroid(q.features[i], groupPostingWeights);
      }
      groupScores[gi] = 0;
      groupTouched[gi] = false;
      double score = dot / Math.pow(g.members.size(), settings.linkageExponent());
      // the ask factor only lowers a score: skip it for groups that cannot win anyway
      if (score < bestScore) {
        continue;
      }
      score *= askFactor(q, g);
      // ties go to the older group, whatever order the postings were visited in
      if (score > bestScore || (best != null && score == bestScore && gi < best.index)) {
        best = g;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Down-weights a group whose members ask for a different attribute: "what is the term" and "what
   * is the rate" of the same loan share most words but are different FAQ entries. A question that
   * names an ask against a group that names none (or the reverse) gets askMissingPenalty, neutral
   * (1.0) by default because lower values measured worse: many paraphrases leave the ask implicit.
   */
  private double askFactor(Question q, Group g) {
    double needed = settings.dominantAskShare() * g.members.size();
    boolean groupHasAsk = false;
    for (Map.Entry<Integer, Integer> e : g.askCounts.entrySet()) {
      if (e.getValue() >= needed) {
        groupHasAsk = true;
        for (int a : q.asks) {
          if (a == e.getKey()) {
            return 1.0;
          }
        }
      }
    }
    if (q.asks.length > 0 && groupHasAsk) {
      return settings.askConflictPenalty();
    }
    return q.asks.length > 0 || groupHasAsk ? settings.askMissingPenalty() : 1.0;
  }

  private static boolean intersects(int[] a, int[] b) {
    for (int x : a) {
      for (int y : b) {
        if (x == y) {
          return true;
        }
      }
    }
    return false;
  }

  private static IntList rarest(IntList positions, int[] featureIdsOfVector, List<IntList> index) {
    IntList best = null;
    for (int h = 0; h < positions.size(); h++) {
      IntList p = index.get(featureIdsOfVector[positions.get(h)]);
      if (best == null || p.size() < best.size()) {
        best = p;
      }
    }
    return best;
  }

  private int[] askIds(QuestionAnalyzer.Analysis analysis) {
    int[] out = new int[analysis.asks().size()];
    int i = 0;
    for (String a : analysis.asks()) {
      out[i++] = featureIds.get("c:" + a);
    }
    Arrays.sort(out);
    return out;
  }

  private int[] askIdsKnown(QuestionAnalyzer.Analysis analysis) {
    return analysis.asks().stream()
        .map(a -> featureIds.get("c:" + a))
        .filter(java.util.Objects::nonNull)
        .mapToInt(Integer::intValue)
        .sorted()
        .toArray();
  }

  private int featureId(String name) {
    Integer id = featureIds.get(name);
    if (id != null) {
      return id;
    }
    int nid = featureNames.size();
    featureIds.put(name, nid);
    featureNames.add(name);
    groupPostings.add(new IntList());
    groupPostingWeights.add(new DoubleList());
    questionPostings.add(new IntList());
    questionPostingWeights.add(new FloatList());
    if (nid >= documentFrequency.length) {
      documentFrequency = Arrays.copyOf(documentFrequency, documentFrequency.length * 2);
    }
    return nid;
  }

  /** Smoothed IDF; negative ids are features never seen (document frequency 0). */
  private double idf(int featureId, int docs) {
    int df = featureId < 0 ? 0 : documentFrequency[featureId];
    return Math.log((docs + 1.0) / (df + 1.0)) + 1.0;
  }

  private Vector vector(int[] ids, double[] base, int docs) {
    double[] w = new double[ids.length];
    double norm = 0;
    for (int i = 0; i < ids.length; i++) {
      w[i] = base[i] * idf(ids[i], docs);
      norm += w[i] * w[i];
    }
    norm = Math.sqrt(norm);
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < ids.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> ids[i]));
    int[] sortedIds = new int[ids.length];
    double[] sortedW = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      sortedIds[i] = ids[order[i]];
      sortedW[i] = norm == 0 ? 0 : w[order[i]] / norm;
    }
    return new Vector(sortedIds, sortedW);
  }

  private void ensureGroupScratch() {
    if (groupScores.length < groups.size()) {
      int n = Math.max(groups.size(), groupScores.length * 2);
      groupScores = Arrays.copyOf(groupScores, n);
      groupTouched = Arrays.copyOf(groupTouched, n);
    }
  }

  private void ensureQuestionScratch() {
    if (questionScores.length < questions.size()) {
      int n = Math.max(questions.size(), questionScores.length * 2);
      questionScores = Arrays.copyOf(questionScores, n);
      questionTouched = Arrays.copyOf(questionTouched, n);
    }
  }

  private record Vector(int[] ids, double[] weights) {}

  private record Scored(int index, double score) {}

  private static final class Question {
    final int index;
    final String id;
    final String lang;
    final int[] features; // sorted ascending
    final double[] weights; // unit length
    final int[] asks;
    Group group;

    Question(int index, String id, String lang, int[] features, double[] weights, int[] asks) {
      this.index = index;
      this.id = id;
      this.lang = lang;
      this.features = features;
      this.weights = weights;
      this.asks = asks;
    }
  }

  private static final class Group {
    final int index;
    final Question first;
    final List<Question> members = new ArrayList<>();

    /**
     * feature id -> slot of this group in that feature's group postings, where the sum of the
     * members' unit vectors is kept: dot(q, sum) / n is q's average cosine to the members.
     */
    final Map<Integer, Integer> slots = new HashMap<>();

    final Map<Integer, Integer> askCounts = new java.util.TreeMap<>();

    private static final int EXACT_UP_TO = 64;
    private static final int CHECKPOINT_STEP = 16;

    /** language ("" for any) -> representative as of the checkpoint {@code cachedAt}. */
    private final Map<String, Question> cached = new HashMap<>();

    private int cachedAt = -1;

    Group(int index, Question first) {
      this.index = index;
      this.first = first;
    }

    String id() {
      return first.id;
    }

    void add(Question q, List<IntList> postings, List<DoubleList> weights) {
      members.add(q);
      q.group = this;
      for (int i = 0; i < q.features.length; i++) {
        int f = q.features[i];
        Integer slot = slots.get(f);
        DoubleList w = weights.get(f);
        if (slot == null) {
          slots.put(f, w.size());
          postings.get(f).add(index);
          w.add(q.weights[i]);
        } else {
          w.set(slot, w.get(slot) + q.weights[i]);
        }
      }
      for (int a : q.asks) {
        askCounts.merge(a, 1, Integer::sum);
      }
    }

    /** The sum of the members' weights for the feature (their centroid times their number). */
    double centroid(int featureId, List<DoubleList> weights) {
      Integer slot = slots.get(featureId);
      return slot == null ? 0.0 : weights.get(featureId).get(slot);
    }

    /**
     * The member with the highest average similarity to the other members (restricted to {@code
     * lang} when given; null if no member has it). Earliest wins ties.
     *
     * <p>Exact up to {@value #EXACT_UP_TO} members. Beyond that it is computed over the members at
     * the last checkpoint (the checkpoints are 1/{@value #CHECKPOINT_STEP} apart), and cached until
     * the next: recomputing it over all members after every question made growing a group
     * quadratic, which dominated a rebuild. The checkpoints depend only on the group's size, so the
     * answer is a function of the members in order, whoever asks and when: replay and rebuild give
     * the same representatives.
     */
    Question representative(String lang, List<DoubleList> weights) {
      int at = checkpoint(members.size());
      if (at != cachedAt) {
        cached.clear();
        computeRepresentatives(at, at == members.size() ? weights : null);
        cachedAt = at;
      }
      return cached.get(lang == null ? "" : lang);
    }

    private static int checkpoint(int size) {
      if (size <= EXACT_UP_TO) {
        return size;
      }
      int c = EXACT_UP_TO;
      while (true) {
        int next = c + Math.max(1, c / CHECKPOINT_STEP);
        if (next > size) {
          return c;
        }
        c = next;
      }
    }

    /** Fills {@code cached} from the first {@code n} members; weights null: their own centroid. */
    private void computeRepresentatives(int n, List<DoubleList> weights) {
      Map<Integer, Double> prefixCentroid = null;
      if (weights == null) {
        prefixCentroid = new HashMap<>();
        for (int k = 0; k < n; k++) {
          Question m = members.get(k);
          for (int i = 0; i < m.features.length; i++) {
            prefixCentroid.merge(m.features[i], m.weights[i], Double::sum);
          }
        }
      }
      Map<String, Double> best = new HashMap<>();
      for (int k = 0; k < n; k++) {
        Question m = members.get(k);
        double dot = 0;
        for (int i = 0; i < m.features.length; i++) {
          double c =
              weights != null
                  ? centroid(m.features[i], weights)
                  : prefixCentroid.getOrDefault(m.features[i], 0.0);
          dot += m.weights[i] * c;
        }
        offer("", m, dot, best);
        if (m.lang != null) {
          offer(m.lang, m, dot, best);
        }
      }
    }

    private void offer(String key, Question m, double dot, Map<String, Double> best) {
      Double score = best.get(key);
      if (score == null || dot > score + 1e-12) {
        best.put(key, dot);
        cached.put(key, m);
      }
    }
  }
}
