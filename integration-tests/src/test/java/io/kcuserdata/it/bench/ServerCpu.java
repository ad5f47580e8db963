package io.kcuserdata.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Keycloak JVM's CPU time (user + system), from {@code /proc/<pid>/stat}. */
final class ServerCpu {

  /** Linux's USER_HZ; {@code getconf CLK_TCK} answers 100 on every common kernel. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Path stat;

  ServerCpu(long pid) {
    this.stat = Path.of("/proc/" + pid + "/stat");
  }

  /** CPU seconds used so far. */
  double seconds() {
    try {
      String text = Files.readString(stat);
      // The command name (field 2) may hold spaces; the fields after its ')' are fixed.
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      long utime = Long.parseLong(fields[11]);
      long stime = Long.parseLong(fields[12]);
      return (utime + stime) / TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
