package kz.forumpulse.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * RFC 9457 problem details written by this app itself (the proxy's gateway errors, login, CSRF),
 * shaped like the services' own: {@code type}, {@code title}, {@code status}, {@code detail} and,
 * when the pages need to tell problems apart, a {@code code}. The pages translate by {@code code}
 * and show {@code detail} otherwise.
 */
final class Problems {

  private Problems() {}

  static void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    write(response, status, title, detail, null);
  }

  static void write(
      HttpServletResponse response, int status, String title, String detail, String code)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    String type = code == null ? "about:blank" : "https://forum-pulse.kz/problems/" + code;
    StringBuilder body =
        new StringBuilder("{\"type\":\"")
            .append(json(type))
            .append("\",\"title\":\"")
            .append(json(title))
            .append("\",\"status\":")
            .append(status)
            .append(",\"detail\":\"")
            .append(json(detail))
            .append('"');
    if (code != null) {
      body.append(",\"code\":\"").append(json(code)).append('"');
    }
    body.append('}');
    response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String json(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
