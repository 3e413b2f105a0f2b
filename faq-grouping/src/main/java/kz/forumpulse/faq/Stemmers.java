package kz.forumpulse.faq;

import org.tartarus.snowball.ext.RussianStemmer;

/** Russian (Snowball, from Lucene) and Kazakh stems of a word. Not thread-safe, like Snowball. */
final class Stemmers {

  private final RussianStemmer russian = new RussianStemmer();

  String ru(String word) {
    russian.setCurrent(word);
    russian.stem();
    return russian.getCurrent();
  }

  String kk(String word) {
    return KazakhStemmer.stem(word);
  }
}
