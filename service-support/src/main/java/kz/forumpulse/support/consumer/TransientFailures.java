package kz.forumpulse.support.consumer;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Applies an event until the database takes it. A transient failure (MongoDB unreachable) must
 * never skip or dead-letter an event: the consumer waits with back-off, which pauses its
 * partitions, and resumes where it stopped. Everything else is a permanent failure of this record
 * and goes to the dead-letter topic at once.
 */
public final class TransientFailures {

  private static final Logger log = LoggerFactory.getLogger(TransientFailures.class);
  private static final long MAX_BACKOFF_MS = 5_000;

  private TransientFailures() {}

  public static void retryUntilDone(Runnable apply) {
    long backoff = 100;
    while (true) {
      try {
        apply.run();
        return;
      } catch (RuntimeException e) {
        if (!isTransient(e)) {
          throw e;
        }
        log.warn("Database unavailable, retrying the event in {} ms: {}", backoff, e.toString());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessException
          || t instanceof MongoSocketException
          || t instanceof MongoTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
