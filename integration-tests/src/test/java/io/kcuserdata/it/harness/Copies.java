package io.kcuserdata.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fresh copies of the unpacked distribution, for servers a test may crash. */
final class Copies {

  private Copies() {}

  /** Replaces {@code target} with a copy of {@code source} (without its data directory). */
  static void copyTree(Path source, Path target) {
    try {
      if (Files.exists(target)) {
        try (Stream<Path> old = Files.walk(target)) {
          old.sorted(Comparator.reverseOrder()).forEach(Copies::delete);
        }
      }
      try (Stream<Path> files = Files.walk(source)) {
        files
            .filter(p -> !source.relativize(p).startsWith("data"))
            .forEach(
                p -> {
                  Path to = target.resolve(source.relativize(p).toString());
                  try {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                      Files.createDirectories(to);
                    } else {
                      Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
