package kz.forumpulse.registration.export;

/**
 * Makes participant-typed text safe in spreadsheets. A cell starting with {@code = + - @} (or a tab
 * or carriage return) would be run as a formula by Excel or LibreOffice ("CSV injection"), so it
 * gets a leading apostrophe, which spreadsheets show as text.
 */
final class Cells {

  private Cells() {}

  static String defuse(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    char first = value.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      return "'" + value;
    }
    return value;
  }

  /** One CSV field (RFC 4180): defused, and quoted when it holds a separator, quote or newline. */
  static String csv(String value) {
    String safe = defuse(value);
    if (safe.indexOf(',') >= 0
        || safe.indexOf('"') >= 0
        || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0
        || safe.indexOf(';') >= 0) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}
