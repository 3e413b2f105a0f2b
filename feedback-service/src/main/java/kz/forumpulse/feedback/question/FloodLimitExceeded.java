package kz.forumpulse.feedback.question;

import java.time.Duration;
import kz.forumpulse.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Too many questions in the window: 429 with {@code Retry-After}. */
class FloodLimitExceeded extends ApiProblem {

  private final Duration retryAfter;

  FloodLimitExceeded(Duration retryAfter, int max, long windowMinutes) {
    super(HttpStatus.TOO_MANY_REQUESTS, "tooManyQuestions", max, windowMinutes);
    this.retryAfter = retryAfter;
    with("retryAfterSeconds", retryAfter.toSeconds());
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
