package kz.forumpulse.feedback.question;

/** Tells Kazakh from Russian by the letters only Kazakh Cyrillic has. */
final class Languages {

  private static final String KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

  private Languages() {}

  static String detect(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (KAZAKH_LETTERS.indexOf(text.charAt(i)) >= 0) {
        return "kk";
      }
    }
    return "ru";
  }
}
