package kz.forumpulse.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptLexiconTest {

  private static final ConceptLexicon LEXICON =
      ConceptLexicon.parse(
          """
          stop: на
          topic EARTH: зем*
          topic LAND: земл*; жер*
          topic PLOT: земельн* участ*
          ask TERM: срок*
          topic SHORT: з*
          """);

  @Test
  void theLongestMatchingPrefixWins() {
    assertThat(concept("земля")).isEqualTo("LAND");
    assertThat(concept("земной")).isEqualTo("EARTH");
    assertThat(concept("жерге")).isEqualTo("LAND");
    assertThat(concept("сроки")).isEqualTo("TERM");
  }

  @Test
  void aPrefixMatchesTheWholeWordToo() {
    assertThat(concept("зем")).isEqualTo("EARTH");
    assertThat(concept("земл")).isEqualTo("LAND");
  }

  @Test
  void aPhraseOfPrefixesIsPreferredToOneWordAndSkipsStopwords() {
    ConceptLexicon.Match match = LEXICON.match(tokens("земельный", "на", "участок"), 0, "ru");
    assertThat(match.pattern().concept().name()).isEqualTo("PLOT");
    assertThat(match.consumed()).isEqualTo(3);
    assertThat(LEXICON.match(tokens("земельный", "налог"), 0, "ru").pattern().concept().name())
        .isEqualTo("EARTH");
  }

  @Test
  void noPrefixOfTheTokenIsNoMatch() {
    assertThat(concept("налог")).isNull();
    assertThat(concept("зе")).isNull();
    // a one-letter prefix is never looked up
    assertThat(concept("зал")).isNull();
  }

  @Test
  void aTokenCarriesItsCandidatesLongestPrefixFirstAndWhetherItIsAStopword() {
    ConceptLexicon.Token token = LEXICON.token("земельный", "земельн", "земельный");
    assertThat(token.candidates())
        .extracting(p -> p.concept().name())
        .containsExactly("PLOT", "EARTH");
    assertThat(token.stopword()).isFalse();
    assertThat(LEXICON.token("на", "на", "на").stopword()).isTrue();
    assertThat(LEXICON.token("налог", "налог", "налог").candidates()).isEmpty();
  }

  private static String concept(String word) {
    ConceptLexicon.Match match = LEXICON.match(tokens(word), 0, "ru");
    return match == null ? null : match.pattern().concept().name();
  }

  private static List<ConceptLexicon.Token> tokens(String... words) {
    return Arrays.stream(words).map(w -> LEXICON.token(w, w, w)).toList();
  }
}
