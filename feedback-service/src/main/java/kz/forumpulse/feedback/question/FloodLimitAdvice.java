package kz.forumpulse.feedback.question;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers {@link FloodLimitExceeded} like every other problem (see the shared ProblemDetailsAdvice)
 * plus the {@code Retry-After} header, which the shared advice does not set. Kept here rather than
 * changing the shared advice, which another team owns.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FloodLimitAdvice {

  private final MessageSource messages;

  FloodLimitAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(FloodLimitExceeded.class)
  ResponseEntity<ProblemDetail> tooMany(FloodLimitExceeded problem, HttpServletRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    String code = problem.code();
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            problem.status(), messages.getMessage("problem." + code, problem.args(), code, locale));
    body.setType(URI.create("https://forum-pulse.kz/problems/" + code));
    body.setTitle(messages.getMessage("problem.title.429", null, "Too many requests", locale));
    body.setInstance(URI.create(request.getRequestURI()));
    body.setProperty("code", code);
    problem.properties().forEach(body::setProperty);
    return ResponseEntity.status(problem.status())
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter().toSeconds()))
        .body(body);
  }
}
