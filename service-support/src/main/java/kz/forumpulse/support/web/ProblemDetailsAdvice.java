package kz.forumpulse.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details, in the caller's language ({@code Accept-Language}: ru,
 * kk, en). Field problems carry {@code errors: [{field, code, message}]} so a form can show each
 * message next to its input.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://forum-pulse.kz/problems/";

  private final MessageSource messages;

  public ProblemDetailsAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    String detail = text("problem." + problem.code(), problem.args(), locale);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), detail);
    body.setType(URI.create(TYPE_BASE + problem.code()));
    body.setTitle(text("problem.title." + problem.status().value(), null, locale));
    body.setInstance(URI.create(request.getRequestURI()));
    body.setProperty("code", problem.code());
    problem.properties().forEach(body::setProperty);
    if (problem.field() != null) {
      body.setProperty(
          "errors",
          List.of(Map.of("field", problem.field(), "code", problem.code(), "message", detail)));
    }
    return ResponseEntity.status(problem.status()).body(body);
  }

  @ExceptionHandler(DataAccessResourceFailureException.class)
  ResponseEntity<ProblemDetail> databaseDown(
      DataAccessResourceFailureException e, HttpServletRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, text("problem.unavailable", null, locale));
    body.setType(URI.create(TYPE_BASE + "unavailable"));
    body.setTitle(text("problem.title.503", null, locale));
    body.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(body);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    List<Map<String, String>> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .sorted(java.util.Comparator.comparing(FieldError::getField))
            .map(
                error ->
                    Map.of(
                        "field", error.getField(),
                        "code", String.valueOf(error.getCode()),
                        "message", messages.getMessage(error, locale)))
            .toList();
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, text("problem.validation", null, locale));
    body.setType(URI.create(TYPE_BASE + "validation"));
    body.setTitle(text("problem.title.400", null, locale));
    body.setProperty("code", "validation");
    body.setProperty("errors", errors);
    return ResponseEntity.badRequest().headers(headers).body(body);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    // Spring's own 4xx answers (unreadable JSON, wrong media type, missing header...) get a
    // localized detail too, never a parser message that leaks internals.
    if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
      Locale locale = LocaleContextHolder.getLocale();
      String key = "problem.http." + statusCode.value();
      problem.setDetail(text(key, null, locale));
      problem.setTitle(text("problem.title." + statusCode.value(), null, locale));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private String text(String key, Object[] args, Locale locale) {
    return messages.getMessage(key, args, key, locale);
  }
}
