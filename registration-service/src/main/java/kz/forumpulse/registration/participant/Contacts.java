package kz.forumpulse.registration.participant;

import java.util.Locale;
import java.util.Optional;

/** Normalises contact details so the same person is recognised however they type them. */
final class Contacts {

  private Contacts() {}

  /**
   * A Kazakhstan mobile number as {@code +7XXXXXXXXXX}, from forms like {@code 8 701 123-45-67},
   * {@code +7 (701) 1234567} or {@code 7011234567}; empty when it is not such a number.
   */
  static Optional<String> normalisePhone(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    if (!raw.strip().matches("[+0-9 ()\\-.]+")) {
      return Optional.empty();
    }
    String digits = raw.replaceAll("\\D", "");
    if (digits.length() == 11 && (digits.startsWith("7") || digits.startsWith("8"))) {
      digits = digits.substring(1);
    }
    if (digits.length() != 10 || !(digits.startsWith("7") || digits.startsWith("6"))) {
      return Optional.empty();
    }
    return Optional.of("+7" + digits);
  }

  static Optional<String> normaliseEmail(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(raw.strip().toLowerCase(Locale.ROOT));
  }
}
