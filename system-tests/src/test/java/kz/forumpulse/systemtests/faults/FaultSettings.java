package kz.forumpulse.systemtests.faults;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long outages last and how hard the load is. The default ({@code ./mvnw verify}) keeps the
 * module within minutes on 2 cores; {@code -Dfaults} (see system-tests/pom.xml) runs longer.
 */
final class FaultSettings {

  private FaultSettings() {}

  static Duration outage() {
    return Duration.ofSeconds(Long.getLong("faults.outageSeconds", 15));
  }

  static int writesPerSecond() {
    return Integer.getInteger("faults.writesPerSecond", 4);
  }

  /** Generous: the machine may be busy with other builds. Never a timing assertion. */
  static Duration recoveryTimeout() {
    return Duration.ofSeconds(Long.getLong("faults.recoveryTimeoutSeconds", 240));
  }

  /** The module's build directory (where the table goes): logs of child processes go there too. */
  static Path targetDirectory() {
    Path report = Path.of(System.getProperty("faults.report", "target/fault-scenarios.md"));
    return report.toAbsolutePath().getParent();
  }
}
