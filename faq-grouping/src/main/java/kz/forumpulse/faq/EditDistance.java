package kz.forumpulse.faq;

/** Levenshtein distance that gives up early: typo matching only cares about 1 or 2 edits. */
final class EditDistance {

  private EditDistance() {}

  /** The distance if it is at most {@code max}, otherwise some value greater than {@code max}. */
  static int bounded(String a, String b, int max) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > max) {
      return max + 1;
    }
    int[] prev = new int[lb + 1];
    int[] cur = new int[lb + 1];
    for (int j = 0; j <= lb; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= la; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= lb; j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[lb];
  }
}
