package io.kcuserdata.it.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code docs/reference.md} as the checks read it: its lines, sections and code spans. */
final class ReferencePage {

  static final String FILE = "docs/reference.md";

  private static final Pattern CODE_SPAN = Pattern.compile("`([^`\n]+)`");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} .*");

  /** A heading and the text up to the next heading. */
  record Section(String heading, String body) {}

  private final String text;

  ReferencePage(String text) {
    this.text = text;
  }

  static ReferencePage inRepository() {
    Path file = repositoryRoot().resolve(FILE);
    try {
      return new ReferencePage(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static Path repositoryRoot() {
    String root = System.getProperty("repo.root", "").trim();
    return root.isEmpty() ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
  }

  boolean contains(String text) {
    return this.text.contains(text);
  }

  /** Whether {@code literal} appears as a whole code span: {@code `literal`}. */
  boolean hasCode(String literal) {
    return text.contains("`" + literal + "`");
  }

  /** Whether one line (a table row) holds every one of {@code literals} as a code span. */
  boolean hasLineWithCode(String... literals) {
    return text.lines()
        .anyMatch(
            line -> {
              for (String literal : literals) {
                if (!line.contains("`" + literal + "`")) {
                  return false;
                }
              }
              return true;
            });
  }

  /** The sections whose heading names {@code literal} as a code span. */
  List<Section> sectionsNaming(String literal) {
    List<Section> found = new ArrayList<>();
    for (Section section : sections()) {
      if (section.heading().contains("`" + literal + "`")) {
        found.add(section);
      }
    }
    return found;
  }

  /** Every code span, sorted, without duplicates. */
  SortedSet<String> codeSpans() {
    SortedSet<String> spans = new TreeSet<>();
    Matcher m = CODE_SPAN.matcher(text);
    while (m.find()) {
      spans.add(m.group(1));
    }
    return spans;
  }

  private List<Section> sections() {
    List<Section> sections = new ArrayList<>();
    String heading = "";
    StringBuilder body = new StringBuilder();
    boolean inFence = false;
    for (String line : text.split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
      }
      if (!inFence && HEADING.matcher(line).matches()) {
        sections.add(new Section(heading, body.toString()));
        heading = line;
        body.setLength(0);
      } else {
        body.append(line).append('\n');
      }
    }
    sections.add(new Section(heading, body.toString()));
    return sections;
  }
}
