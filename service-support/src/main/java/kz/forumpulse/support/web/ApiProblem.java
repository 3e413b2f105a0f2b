package kz.forumpulse.support.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, answered as RFC 9457 problem details. The message is a key in
 * the services' message bundles, so the caller reads it in their language.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Object[] args;
  private final String field;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ApiProblem(HttpStatus status, String code, Object... args) {
    this(status, code, null, args);
  }

  private ApiProblem(HttpStatus status, String code, String field, Object... args) {
    super(code);
    this.status = status;
    this.code = code;
    this.field = field;
    this.args = args;
  }

  /** A problem with one input field, reported like a validation error. */
  public static ApiProblem forField(HttpStatus status, String field, String code, Object... args) {
    return new ApiProblem(status, code, field, args);
  }

  public HttpStatus status() {
    return status;
  }

  /** Stable, machine-readable code; also the message key ({@code problem.<code>}). */
  public String code() {
    return code;
  }

  public Object[] args() {
    return args;
  }

  public String field() {
    return field;
  }

  /**
   * Adds a machine-readable property to the problem body (e.g. the id of what it conflicts with).
   */
  public ApiProblem with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
