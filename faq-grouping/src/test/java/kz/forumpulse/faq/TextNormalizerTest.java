package kz.forumpulse.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void foldsCaseAndYo() {
    assertThat(TextNormalizer.normalize("ЗЕМЛЁЙ Ещё")).isEqualTo("землей еще");
  }

  @Test
  void turnsPunctuationIntoSingleSpaces() {
    assertThat(TextNormalizer.normalize("  «Ауыл аманаты» – когда?!  Срок...кредита "))
        .isEqualTo("ауыл аманаты когда срок кредита");
  }

  @Test
  void composesDecomposedLettersNfc() {
    // "й" typed as "и" + combining breve, "ё" as "е" + combining diaeresis
    String decomposed = "краи\u0306 зеле\u0308ныи\u0306";
    assertThat(TextNormalizer.normalize(decomposed)).isEqualTo("край зеленый");
  }

  @Test
  void mapsLatinLookAlikesInsideCyrillicWords() {
    // Latin "a", "o", "c" typed on a mixed keyboard
    assertThat(TextNormalizer.normalize("кредит нa дoм и сeло")).isEqualTo("кредит на дом и село");
    // a purely Latin word stays Latin
    assertThat(TextNormalizer.normalize("Amanat egov")).isEqualTo("amanat egov");
  }

  @Test
  void tokenizesKeepingDigits() {
    assertThat(TextNormalizer.tokenize("24% ЭТО МАЛО, 50 тыс. га?"))
        .containsExactly("24", "это", "мало", "50", "тыс", "га");
    assertThat(TextNormalizer.tokenize(null)).isEmpty();
  }

  @Test
  void detectsKazakhByItsLetters() {
    assertThat(TextNormalizer.detectLanguage("Ауыл аманатына өтінімді қайда тапсыру керек?"))
        .isEqualTo("kk");
    assertThat(TextNormalizer.detectLanguage("ИНТЕРНЕТ АУЫЛДА МҮЛДЕ ЖОҚ")).isEqualTo("kk");
  }

  @Test
  void russianQuotingKazakhNamesStaysRussian() {
    assertThat(TextNormalizer.detectLanguage("Какие документы подавать на «Ауыл аманаты»?"))
        .isEqualTo("ru");
    assertThat(
            TextNormalizer.detectLanguage(
                "Интернет ауылда вообще жоқ, когда нормальную связь проведут?"))
        .isEqualTo("ru");
  }

  @Test
  void explicitLanguageWinsOverDetection() {
    assertThat(TextNormalizer.languageOrDetect("KK", "Какой срок?")).isEqualTo("kk");
    assertThat(TextNormalizer.languageOrDetect("ru", "қашан?")).isEqualTo("ru");
    assertThat(TextNormalizer.languageOrDetect(null, "қашан келеді?")).isEqualTo("kk");
  }

  @Test
  void foldsKazakhLettersForRussianKeyboards() {
    assertThat(TextNormalizer.foldKazakh("қашан үйге")).isEqualTo("кашан уйге");
  }
}
