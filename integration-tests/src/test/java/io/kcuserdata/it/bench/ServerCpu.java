package io.kcuserdata.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Keycloak JVM's CPU time (user + system), from {@code /proc/<pid>/stat}. */
final class ServerCpu {

  /** Linux's USER_HZ; {@code getconf CLK_TCK} answers 100 on every common kernel. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Path process;

  ServerCpu(long pid) {
    this.process = Path.of("/proc/" + pid);
  }

  /** CPU seconds used so far. */
  double seconds() {
    try {
      return seconds(process.resolve("stat"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * CPU seconds used so far by the threads whose name starts with {@code prefix} (Linux keeps the
   * first 15 characters of a thread's name): the pack's background threads, say, apart from the
   * request threads.
   */
  double threadSeconds(String prefix) {
    double total = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
      for (Path task : tasks) {
        try {
          if (Files.readString(task.resolve("comm")).startsWith(prefix)) {
            total += seconds(task.resolve("stat"));
          }
        } catch (IOException gone) {
          // The thread ended between the listing and the read.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  private static double seconds(Path stat) throws IOException {
    String text = Files.readString(stat);
    // The command name (field 2) may hold spaces; the fields after its ')' are fixed.
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    long utime = Long.parseLong(fields[11]);
    long stime = Long.parseLong(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  }
}
