package kz.forumpulse.systemtests.faults;

import java.io.IOException;
import kz.forumpulse.reporting.ReportingApplication;

/**
 * The entry point of {@link ReportingProcess}: reporting-service exactly as the in-JVM instances
 * start it, plus a guard against outliving the test JVM.
 */
final class ReportingProcessMain {

  private ReportingProcessMain() {}

  public static void main(String[] args) {
    // stdin is a pipe from the test JVM; end of input means that JVM is gone (even if it was
    // killed and could not run its shutdown hooks): an orphan must not keep consuming.
    Thread guard =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {
                  // nothing is ever sent; only the end matters
                }
              } catch (IOException ignored) {
                // a broken pipe is the same news
              }
              Runtime.getRuntime().halt(3);
            },
            "parent-watch");
    guard.setDaemon(true);
    guard.start();
    ReportingApplication.builder().run(args);
  }
}
