package kz.forumpulse.feedback.question;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells Kazakh from Russian. Letters only Kazakh Cyrillic has decide at once; without them (people
 * typing on a Russian keyboard write «кашан» for «қашан») common Kazakh and Russian words are
 * counted. Ties and text in neither language default to Russian, the forum's majority language.
 */
final class Languages {

  private static final String KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

  /** Frequent Kazakh words, also as typed without the Kazakh-only letters. */
  private static final Set<String> KAZAKH_WORDS =
      Set.of(
          "және",
          "жане",
          "бар",
          "жоқ",
          "жок",
          "қашан",
          "кашан",
          "қалай",
          "калай",
          "неге",
          "неліктен",
          "бойынша",
          "туралы",
          "үшін",
          "ушин",
          "ушын",
          "біз",
          "биз",
          "сіз",
          "сиз",
          "бізге",
          "бизге",
          "ма",
          "ме",
          "ба",
          "бе",
          "па",
          "пе",
          "мен",
          "деген",
          "болады",
          "бола",
          "керек",
          "қандай",
          "кандай",
          "ауылға",
          "ауылга",
          "ауылда",
          "ауылдың",
          "ауылдын",
          "жер",
          "жерді",
          "жерди",
          "берілді",
          "берилди",
          "қайтару",
          "кайтару",
          "мерзімі",
          "мерзими",
          "қанша",
          "канша",
          "осы",
          "кім",
          "ким",
          "не",
          "нені",
          "немесе",
          "әлі",
          "али",
          "бізде",
          "бизде");

  /** Frequent Russian words that are not Kazakh. */
  private static final Set<String> RUSSIAN_WORDS =
      Set.of(
          "и",
          "в",
          "во",
          "на",
          "по",
          "с",
          "со",
          "к",
          "о",
          "об",
          "от",
          "до",
          "за",
          "из",
          "для",
          "когда",
          "как",
          "что",
          "почему",
          "ли",
          "будет",
          "будут",
          "не",
          "это",
          "нет",
          "есть",
          "какие",
          "какой",
          "какая",
          "сколько",
          "где",
          "можно",
          "нужно",
          "наш",
          "наше",
          "нашем",
          "нашего",
          "село",
          "селе",
          "села",
          "проведут",
          "получить",
          "кто",
          "чтобы",
          "или",
          "уже",
          "ещё",
          "еще",
          "при",
          "так",
          "вопрос",
          "вернут");

  private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");

  private Languages() {}

  static String detect(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (KAZAKH_LETTERS.indexOf(text.charAt(i)) >= 0) {
        return "kk";
      }
    }
    int kazakh = 0;
    int russian = 0;
    for (String word : WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (KAZAKH_WORDS.contains(word)) {
        kazakh++;
      }
      if (RUSSIAN_WORDS.contains(word)) {
        russian++;
      }
    }
    return kazakh > russian ? "kk" : "ru";
  }
}
