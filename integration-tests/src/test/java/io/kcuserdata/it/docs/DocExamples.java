package io.kcuserdata.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell examples of the repository's Markdown files that call {@code curl}, and how each is
 * marked. A fenced block is marked by an HTML comment on the last non-blank line before its fence:
 *
 * <ul>
 *   <li>{@code <!-- tested: demo -->}: {@code DocsCurlExamplesIT} runs it, exactly as written,
 *       against a server holding the demo's realms, after the tested blocks before it in the same
 *       file (their variables carry over, as in a terminal where a reader pastes them in turn);
 *   <li>{@code <!-- not tested: <why> -->}: it cannot run against the demo; the reason is required.
 * </ul>
 *
 * An unmarked example that calls curl fails the test, so a new one is not forgotten.
 */
final class DocExamples {

  /** How a block is marked. */
  enum Marking {
    TESTED,
    NOT_TESTED,
    NONE
  }

  /** One fenced shell block that calls curl. */
  record Example(Path file, int line, Marking marking, String reason, String text) {
    /** Where it is, for messages: {@code docs/user-data.md:105}. */
    String where() {
      return file.toString().replace('\\', '/') + ":" + line;
    }
  }

  private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,})\\s*([\\w+-]*).*$");
  private static final Pattern TESTED = Pattern.compile("^\\s*<!--\\s*tested:\\s*demo\\s*-->\\s*$");
  private static final Pattern NOT_TESTED =
      Pattern.compile("^\\s*<!--\\s*not tested:\\s*(.*?)\\s*-->\\s*$");
  private static final Pattern CURL = Pattern.compile("(^|[\\s;&|(`$])curl(\\s|$)");
  private static final Set<String> SHELL = Set.of("", "bash", "sh", "shell", "console", "zsh");

  private DocExamples() {}

  /** The repository's root: {@code repo.root} as the module's pom passes it, else the parent. */
  static Path repositoryRoot() {
    String root = System.getProperty("repo.root", "").trim();
    try {
      return (root.isEmpty() ? Path.of("..") : Path.of(root)).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every Markdown file of the repository outside build output and hidden directories. */
  static List<Path> markdownFiles(Path root) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              String name = dir.equals(root) ? "" : dir.getFileName().toString();
              return name.startsWith(".") || name.equals("target") || name.equals("node_modules")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".md")) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(null);
    return found;
  }

  /** The curl examples of every Markdown file under {@code root}, named relative to it. */
  static List<Example> in(Path root) {
    List<Example> all = new ArrayList<>();
    for (Path file : markdownFiles(root)) {
      try {
        all.addAll(of(root.relativize(file), Files.readString(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  /** The curl examples of one Markdown text. */
  static List<Example> of(Path file, String markdown) {
    List<Example> examples = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE.matcher(lines[i]);
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      String fence = open.group(2);
      String language = open.group(3).toLowerCase(java.util.Locale.ROOT);
      int start = i;
      StringBuilder body = new StringBuilder();
      for (i = i + 1; i < lines.length; i++) {
        if (lines[i].strip().startsWith(fence) && lines[i].strip().replace("`", "").isEmpty()) {
          break;
        }
        String line = lines[i];
        body.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip())
            .append('\n');
      }
      String text = body.toString();
      if (!SHELL.contains(language) || !callsCurl(text)) {
        continue;
      }
      examples.add(marked(file, start + 1, previousLine(lines, start), text));
    }
    return examples;
  }

  private static boolean callsCurl(String text) {
    return text.lines()
        .map(line -> line.replaceFirst("\\s#.*$", "").replaceFirst("^\\s*#.*$", ""))
        .anyMatch(line -> CURL.matcher(line).find());
  }

  private static Optional<String> previousLine(String[] lines, int fence) {
    for (int j = fence - 1; j >= 0; j--) {
      if (!lines[j].isBlank()) {
        return Optional.of(lines[j]);
      }
    }
    return Optional.empty();
  }

  private static Example marked(Path file, int line, Optional<String> before, String text) {
    if (before.isPresent() && TESTED.matcher(before.get()).matches()) {
      return new Example(file, line, Marking.TESTED, null, text);
    }
    Matcher notTested = before.map(NOT_TESTED::matcher).filter(Matcher::matches).orElse(null);
    if (notTested != null && !notTested.group(1).isEmpty()) {
      return new Example(file, line, Marking.NOT_TESTED, notTested.group(1), text);
    }
    return new Example(file, line, Marking.NONE, null, text);
  }
}
