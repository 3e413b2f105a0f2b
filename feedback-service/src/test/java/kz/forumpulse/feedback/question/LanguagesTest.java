package kz.forumpulse.feedback.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Жерді қайтару мерзімі қашан?|kk",
        "Ауыл аманаты бойынша несие алу үшін не керек?|kk",
        // Typed on a Russian keyboard: no Kazakh-only letters, Kazakh words all the same.
        "Ауыл аманаты бойынша кашан несие беріледі ма|kk",
        "Бизге интернет кашан болады?|kk",
        "Когда в наше село проведут интернет?|ru",
        "Какая ставка по микрокредиту «Ауыл аманаты»?|ru",
        "Сколько земли вернут по Жер аманаты?|ru",
        "internet|ru",
        "12345|ru"
      })
  void tellsKazakhFromRussian(String text, String expected) {
    assertThat(Languages.detect(text)).isEqualTo(expected);
  }
}
