package kz.forumpulse.faq;

/**
 * Tuned constants of the grouper. Package-private: callers get the tuned defaults; the evaluation
 * and the CLI (through {@code -Dfaq.*} system properties) can try others.
 */
record Settings(
    double threshold,
    double projectWeight,
    double topicWeight,
    double askWeight,
    double qwordWeight,
    double stemWeight,
    double askConflictPenalty,
    double askMissingPenalty,
    double dominantAskShare,
    double linkageExponent,
    /** A feature held by more groups than this only scores groups found through rarer ones. */
    int groupPostingCap,
    /** similar() stops admitting new candidates after this many; later features only add. */
    int similarCandidateCap) {

  static Settings defaults() {
    return new Settings(0.38, 0.25, 1.0, 2.0, 0.5, 0.6, 0.5, 1.0, 0.25, 0.9, 4000, 20000);
  }

  /** The defaults with any {@code -Dfaq.<component>=value} overrides; for tuning runs only. */
  static Settings fromSystemProperties() {
    Settings d = defaults();
    return new Settings(
        dbl("threshold", d.threshold),
        dbl("projectWeight", d.projectWeight),
        dbl("topicWeight", d.topicWeight),
        dbl("askWeight", d.askWeight),
        dbl("qwordWeight", d.qwordWeight),
        dbl("stemWeight", d.stemWeight),
        dbl("askConflictPenalty", d.askConflictPenalty),
        dbl("askMissingPenalty", d.askMissingPenalty),
        dbl("dominantAskShare", d.dominantAskShare),
        dbl("linkageExponent", d.linkageExponent),
        (int) dbl("groupPostingCap", d.groupPostingCap),
        (int) dbl("similarCandidateCap", d.similarCandidateCap));
  }

  double weight(ConceptLexicon.Kind kind) {
    return switch (kind) {
      case PROJECT -> projectWeight;
      case TOPIC -> topicWeight;
      case ASK -> askWeight;
      case QWORD -> qwordWeight;
    };
  }

  private static double dbl(String name, double def) {
    String v = System.getProperty("faq." + name);
    return v == null ? def : Double.parseDouble(v);
  }
}
