package kz.forumpulse.bench;

import java.util.Locale;

/**
 * Benchmark settings: system property {@code bench.<name>} (e.g. {@code -Dbench.threads=64}), else
 * environment variable {@code BENCH_<NAME>} ({@code BENCH_THREADS=64}), else the default.
 */
final class Settings {

  String string(String name, String otherwise) {
    String property = System.getProperty("bench." + name.toLowerCase(Locale.ROOT));
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv("BENCH_" + name.toUpperCase(Locale.ROOT));
    return env == null || env.isBlank() ? otherwise : env;
  }

  int integer(String name, int otherwise) {
    return Integer.parseInt(string(name, String.valueOf(otherwise)).replace("_", ""));
  }

  long seed() {
    return Long.parseLong(string("SEED", "20261125"));
  }
}
