package kz.forumpulse.faq;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Strips Kazakh inflectional suffixes from the end of a word. Kazakh is agglutinative (root +
 * plural + possessive + case, or verb + voice + tense + person), so a loop that removes the longest
 * known suffix, a few times over, reaches the root for most nouns and verbs of this domain. No
 * Snowball or Lucene stemmer exists for Kazakh; this one favours consistency (the same root for the
 * forms people write) over linguistic exactness.
 */
final class KazakhStemmer {

  /** A root shorter than this is usually a mistake (the suffix was part of the root). */
  static final int MIN_STEM = 3;

  private static final String VOWELS = "аәеёиоөұүыіэюя";
  private static final String VOICELESS = "кқпстшфхцчщ";

  private static final String[] SUFFIXES;

  static {
    String[] raw = {
      // plural
      "лар",
      "лер",
      "дар",
      "дер",
      "тар",
      "тер",
      // possessive
      "ым",
      "ім",
      "ың",
      "ің",
      "ы",
      "і",
      "сы",
      "сі",
      "мыз",
      "міз",
      "ымыз",
      "іміз",
      "ңыз",
      "ңіз",
      "ыңыз",
      "іңіз",
      "сын",
      "сін",
      "ын",
      "ін",
      // case
      "да",
      "де",
      "та",
      "те",
      "нда",
      "нде",
      "ға",
      "ге",
      "қа",
      "ке",
      "на",
      "не",
      "ны",
      "ні",
      "ды",
      "ді",
      "ты",
      "ті",
      "дан",
      "ден",
      "тан",
      "тен",
      "нан",
      "нен",
      "мен",
      "бен",
      "пен",
      "ның",
      "нің",
      "дың",
      "дің",
      "тың",
      "тің",
      "дағы",
      "дегі",
      "тағы",
      "тегі",
      "ндағы",
      "ндегі",
      "нан",
      "ына",
      "іне",
      "сына",
      "сіне",
      "ынан",
      "інен",
      "сынан",
      "сінен",
      "ында",
      "інде",
      "сында",
      "сінде",
      // verbs: tense, voice, person, verbal nouns and participles
      "ады",
      "еді",
      "йды",
      "йді",
      "ған",
      "ген",
      "қан",
      "кен",
      "атын",
      "етін",
      "йтын",
      "йтін",
      "уға",
      "уге",
      "уды",
      "уді",
      "уы",
      "уі",
      "у",
      "ылады",
      "іледі",
      "лады",
      "леді",
      "нады",
      "неді",
      "ылды",
      "ілді",
      "ылған",
      "ілген",
      "ып",
      "іп",
      "йық",
      "йік",
      "сақ",
      "сек",
      "са",
      "се",
      "саңыз",
      "сеңіз",
      "ңыз",
      "ңіз",
      "ыңыз",
      "іңіз",
      "мақ",
      "мек",
      "бақ",
      "бек",
      "пақ",
      "пек",
      "ғысы",
      "гісі",
      "атын",
      "етін",
      "мыз",
      "міз",
      "сыз",
      "сіз",
      "ды",
      "ді",
      "ты",
      "ті",
      "дық",
      "дік",
      "тық",
      "тік",
      "ғы",
      "гі",
      "қы",
      "кі",
      // question particles glued to the word
      "ма",
      "ме",
      "ба",
      "бе",
      "па",
      "пе"
    };
    SUFFIXES =
        Arrays.stream(raw)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
            .toArray(String[]::new);
  }

  private KazakhStemmer() {}

  static String stem(String word) {
    String w = word;
    for (int round = 0; round < 4; round++) {
      String next = stripOnce(w);
      if (next == null) {
        break;
      }
      w = next;
    }
    return restoreFinalConsonant(w, word);
  }

  private static String stripOnce(String w) {
    for (String suffix : SUFFIXES) {
      if (w.length() - suffix.length() >= MIN_STEM && w.endsWith(suffix)) {
        String stem = w.substring(0, w.length() - suffix.length());
        if (hasVowel(stem) && fitsSound(stem, suffix)) {
          return stem;
        }
      }
    }
    return null;
  }

  /**
   * Kazakh voices a final қ/к/п before a vowel-initial suffix (шаруашылық → шаруашылығы); undoing
   * it gives both forms one root.
   */
  private static String restoreFinalConsonant(String stem, String original) {
    if (stem.equals(original) || stem.isEmpty()) {
      return stem;
    }
    char last = stem.charAt(stem.length() - 1);
    char replaced =
        switch (last) {
          case 'ғ' -> 'қ';
          case 'г' -> 'к';
          case 'б' -> 'п';
          default -> last;
        };
    return replaced == last ? stem : stem.substring(0, stem.length() - 1) + replaced;
  }

  /**
   * Suffixes beginning with т follow only voiceless consonants (жұмыстар, but ауылдар): without
   * this check "қайтар" (return) would lose "тар" as if it were a plural.
   */
  private static boolean fitsSound(String stem, String suffix) {
    if (suffix.charAt(0) != 'т') {
      return true;
    }
    return VOICELESS.indexOf(stem.charAt(stem.length() - 1)) >= 0;
  }

  private static boolean hasVowel(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (VOWELS.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
