package kz.forumpulse.faq;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text clean-up shared by the grouper and its callers: one canonical form for questions typed on
 * phones, in caps, with Latin look-alike letters or Russian letters standing in for Kazakh ones.
 */
public final class TextNormalizer {

  /**
   * Letters that exist in Kazakh Cyrillic but not in Russian: their presence decides the language.
   */
  static final String KAZAKH_LETTERS = "әғқңөұүһі";

  /**
   * Kazakh words written only with letters Russian also has; without them a Kazakh question typed
   * with few special letters would be taken for Russian.
   */
  private static final Set<String> KAZAKH_MARKERS =
      Set.of(
          "бар", "ма", "ме", "ба", "бе", "па", "пе", "мен", "бен", "пен", "жер", "жаса", "бола",
          "керек", "туралы", "бойынша", "жана", "осы", "сол", "бизде", "болады", "алуга", "ала",
          "жок", "ауылда", "ауылга", "жобасы", "неге", "кайда", "калай", "канша", "кашан", "ким",
          "бере", "береди", "ме?", "емес", "деп", "жане");

  /** Russian function words; a question that has them and only a Kazakh project name is Russian. */
  private static final Set<String> RUSSIAN_MARKERS =
      Set.of(
          "и", "в", "на", "по", "для", "ли", "что", "это", "или", "как", "когда", "где", "куда",
          "кто", "почему", "можно", "нужно", "есть", "не", "с", "к", "у", "из", "от", "до", "а",
          "но", "же", "бы", "если", "чтобы", "какие", "какой", "сколько", "нет", "будет", "вообще",
          "нам", "нас", "мы", "вы", "они", "их", "его", "ее", "там", "уже", "только", "надо");

  private TextNormalizer() {}

  /**
   * Lower-cases (Unicode NFC first, so composed and decomposed letters compare equal), folds ё to
   * е, maps Latin look-alikes inside Cyrillic words to Cyrillic, and turns every run of punctuation
   * or whitespace into one space.
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    boolean space = true;
    for (String word : splitRaw(s)) {
      if (word.isEmpty()) {
        continue;
      }
      if (!space) {
        out.append(' ');
      }
      out.append(foldWord(word));
      space = false;
    }
    return out.toString();
  }

  /** Normalised words, in order; digits stay (a "24%" or "50 тыс" can identify a question). */
  public static List<String> tokenize(String text) {
    String n = normalize(text);
    List<String> tokens = new ArrayList<>();
    if (n.isEmpty()) {
      return tokens;
    }
    for (String t : n.split(" ")) {
      if (!t.isEmpty()) {
        tokens.add(t);
      }
    }
    return tokens;
  }

  /**
   * "kk" or "ru". Kazakh-only letters are decisive evidence, but a Russian question quoting a
   * Kazakh project name ("Ауыл аманаты") or a colloquial Kazakh word must stay Russian, so the
   * Russian function words count against them.
   */
  public static String detectLanguage(String text) {
    int kk = 0;
    int ru = 0;
    for (String t : tokenize(text)) {
      if (hasKazakhLetter(t) || KAZAKH_MARKERS.contains(t)) {
        kk++;
      } else if (RUSSIAN_MARKERS.contains(t) || t.indexOf('ь') >= 0 || t.indexOf('щ') >= 0) {
        ru++;
      } else if (t.endsWith("ция") || t.endsWith("ться") || t.endsWith("ого")) {
        ru++;
      }
    }
    return kk > ru ? "kk" : "ru";
  }

  /** Accepts "kk"/"kz"/"ru" in any case; anything else (or null) is detected from the text. */
  public static String languageOrDetect(String lang, String text) {
    if (lang != null) {
      String l = lang.trim().toLowerCase(Locale.ROOT);
      if (l.equals("kk") || l.equals("kz") || l.equals("kaz")) {
        return "kk";
      }
      if (l.equals("ru") || l.equals("rus")) {
        return "ru";
      }
    }
    return detectLanguage(text);
  }

  static boolean hasKazakhLetter(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (KAZAKH_LETTERS.indexOf(token.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Replaces Kazakh letters by the Russian letters people type when the keyboard has no Kazakh
   * layout, so "калай" and "қалай" can meet in the lexicon.
   */
  static String foldKazakh(String token) {
    StringBuilder b = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      b.append(
          switch (c) {
            case 'ә' -> 'а';
            case 'ғ' -> 'г';
            case 'қ' -> 'к';
            case 'ң' -> 'н';
            case 'ө' -> 'о';
            case 'ұ', 'ү' -> 'у';
            case 'һ' -> 'х';
            case 'і' -> 'и';
            default -> c;
          });
    }
    return b.toString();
  }

  private static List<String> splitRaw(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'ё') {
        c = 'е';
      }
      if (Character.isLetterOrDigit(c)) {
        cur.append(c);
      } else if ((c == '\'' || c == '’') && cur.length() > 0) {
        // apostrophes inside words ("дом'а") are typing noise
        continue;
      } else {
        words.add(cur.toString());
        cur.setLength(0);
      }
    }
    words.add(cur.toString());
    return words;
  }

  /** Latin look-alikes typed inside a Cyrillic word (mixed keyboards) become Cyrillic. */
  private static String foldWord(String word) {
    boolean cyr = false;
    boolean lat = false;
    for (int i = 0; i < word.length(); i++) {
      Character.UnicodeBlock block = Character.UnicodeBlock.of(word.charAt(i));
      if (block == Character.UnicodeBlock.CYRILLIC) {
        cyr = true;
      } else if (block == Character.UnicodeBlock.BASIC_LATIN
          || block == Character.UnicodeBlock.IPA_EXTENSIONS
          || block == Character.UnicodeBlock.LATIN_EXTENDED_B) {
        if (Character.isLetter(word.charAt(i))) {
          lat = true;
        }
      }
    }
    if (!(cyr && lat)) {
      return word;
    }
    StringBuilder b = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      b.append(
          switch (c) {
            case 'a' -> 'а';
            case 'e' -> 'е';
            case 'o' -> 'о';
            case 'p' -> 'р';
            case 'c' -> 'с';
            case 'x' -> 'х';
            case 'y' -> 'у';
            case 'k' -> 'к';
            case 'm' -> 'м';
            case 't' -> 'т';
            case 'h' -> 'н';
            case 'b' -> 'в';
            case 'i' -> 'і';
            case 'ə' -> 'ә';
            case 'ɵ' -> 'ө';
            default -> c;
          });
    }
    return b.toString();
  }
}
