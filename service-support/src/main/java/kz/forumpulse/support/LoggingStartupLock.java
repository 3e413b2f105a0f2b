package kz.forumpulse.support;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Lets one application at a time (re)initialise Logback in a JVM that starts several in parallel —
 * the local stack, the end-to-end tests and the fault scenarios start the three services at once.
 * Boot resets the shared Logback context while it configures logging; two resets at the same time
 * corrupt its listener list ({@code ArrayIndexOutOfBoundsException} in {@code
 * LoggerContext.addListener}) and the application fails to start. {@link Acquire} runs just before
 * {@link LoggingApplicationListener} and {@link Release} just after it, on the same thread.
 * Registered in {@code META-INF/spring.factories}; launchers that start an application without
 * service-support on its classpath (the web front-end) add both with {@link #listeners()}.
 */
public final class LoggingStartupLock {

  private static final ReentrantLock LOCK = new ReentrantLock();

  private LoggingStartupLock() {}

  /** Both listeners, for a {@code SpringApplicationBuilder.listeners(...)} call. */
  public static ApplicationListener<?>[] listeners() {
    return new ApplicationListener<?>[] {new Acquire(), new Release()};
  }

  /** Takes the lock before logging is configured. */
  public static final class Acquire
      implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
      LOCK.lock();
    }

    @Override
    public int getOrder() {
      return LoggingApplicationListener.DEFAULT_ORDER - 1;
    }
  }

  /** Gives it back once logging is configured, or when the start failed before that. */
  public static final class Release implements ApplicationListener<ApplicationEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
      if ((event instanceof ApplicationEnvironmentPreparedEvent
              || event instanceof ApplicationFailedEvent)
          && LOCK.isHeldByCurrentThread()) {
        LOCK.unlock();
      }
    }

    @Override
    public int getOrder() {
      return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
  }
}
