package kz.forumpulse.reporting.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV, UTF-8 with a byte-order mark so spreadsheet programs read Cyrillic correctly. Cells
 * that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are
 * prefixed with an apostrophe: question texts are typed by the public.
 */
public final class Csv {

  private Csv() {}

  public static byte[] write(Table table) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(line(table.headers())).append("\r\n");
    for (List<Object> row : table.rows()) {
      out.append(line(row)).append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String line(List<?> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(","));
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = defuse(String.valueOf(value));
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /** Neutralises text a spreadsheet would otherwise interpret as a formula. */
  public static String defuse(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
