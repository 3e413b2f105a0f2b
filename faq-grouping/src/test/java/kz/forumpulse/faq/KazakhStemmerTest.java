package kz.forumpulse.faq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KazakhStemmerTest {

  @ParameterizedTest
  @CsvSource({
    // plural, possessive, case endings, stacked
    "жерлер, жер",
    "жерді, жер",
    "ауылымызға, ауыл",
    "ауылдар, ауыл",
    "жұмыстар, жұмыс",
    "мектепте, мектеп",
    "балабақшаға, балабақша",
    "несиесін, несие",
    "әкімдіктері, әкім",
    // voiced final consonant restored: кезек -> кезегі
    "кезегіне, кезек",
    // verbs
    "береді, бер",
    "тапсыру, тапсыр",
    "қайтарылған, қайтар",
    "қайтару, қайтар"
  })
  void reachesTheRoot(String word, String root) {
    assertThat(KazakhStemmer.stem(word)).isEqualTo(root);
  }

  @ParameterizedTest
  @CsvSource({"жол", "су", "мал", "үй", "жер"})
  void leavesShortRootsAlone(String word) {
    assertThat(KazakhStemmer.stem(word)).isEqualTo(word);
  }

  @ParameterizedTest
  @CsvSource({"жерлерді", "жерлерге", "жерде", "жердің"})
  void inflectionsOfOneWordShareAStem(String word) {
    assertThat(KazakhStemmer.stem(word)).isEqualTo("жер");
  }
}
