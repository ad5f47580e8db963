package io.kcuserdata.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Prints a benchmark's figures and keeps them in {@code target/bench/<name>.txt}. */
final class Report {

  static final String COMMAND =
      "./mvnw -B verify -Pbench -pl integration-tests -am -Dit.test=<Bench class>";

  private final Path file;

  Report(String name) {
    Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
    this.file = dir.resolve(name + ".txt");
    try {
      Files.createDirectories(dir);
      Files.writeString(file, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void line(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    System.out.println("[bench] " + line);
    try {
      Files.writeString(file, line + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** Nearest-rank percentile. */
  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
