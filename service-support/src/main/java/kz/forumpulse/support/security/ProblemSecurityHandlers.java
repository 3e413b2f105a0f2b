package kz.forumpulse.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters as RFC 9457 problem details in the caller's language, like
 * every other error of the API (the filters answer before any controller advice could).
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final MessageSource messages;

  ProblemSecurityHandlers(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"forum-pulse\"");
    write(request, response, 401, "unauthorized");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, 403, "forbidden");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, int status, String code)
      throws IOException {
    Locale locale = locale(request);
    String title = messages.getMessage("problem.title." + status, null, "", locale);
    String body =
        "{\"type\":\"https://forum-pulse.kz/problems/"
            + code
            + "\",\"title\":\""
            + json(title)
            + "\",\"status\":"
            + status
            + ",\"code\":\""
            + code
            + "\",\"instance\":\""
            + json(request.getRequestURI())
            + "\"}";
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }

  private static Locale locale(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    if (header != null && header.toLowerCase(Locale.ROOT).startsWith("kk")) {
      return Locale.forLanguageTag("kk");
    }
    if (header != null && header.toLowerCase(Locale.ROOT).startsWith("en")) {
      return Locale.ENGLISH;
    }
    return Locale.forLanguageTag("ru");
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
