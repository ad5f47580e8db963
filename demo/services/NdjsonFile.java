import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What a page lists, kept as one JSON object per line so it survives a restart of the demo: read at
 * start, appended to as things arrive. The newest {@code keep} entries are listed; the file is cut
 * back to them at start.
 */
final class NdjsonFile {

  private final Path file;
  private final int keep;
  private final Deque<Map<String, Object>> entries = new ArrayDeque<>();
  private String problem;
  private int unreadable;

  NdjsonFile(Path file, int keep) {
    this.file = file;
    this.keep = keep;
    load();
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines) {
        if (line.isBlank()) {
          continue;
        }
        try {
          remember(Json.parseObject(line));
        } catch (Json.JsonException e) {
          unreadable++; // a line cut by a crash: the others still count
        }
      }
      if (lines.size() > keep) {
        rewrite();
      }
    } catch (IOException | RuntimeException e) {
      problem = "could not read " + file + ": " + Http.describe(e);
      Log.error(problem, e);
    }
  }

  private void rewrite() throws IOException {
    StringBuilder text = new StringBuilder();
    for (Map<String, Object> entry : entries) {
      text.append(Json.write(entry)).append('\n');
    }
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private void remember(Map<String, Object> entry) {
    entries.addLast(entry);
    while (entries.size() > keep) {
      entries.removeFirst();
    }
  }

  synchronized void append(Map<String, Object> entry) {
    remember(entry);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          Json.write(entry) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      problem =
          "could not write "
              + file
              + " (entries since are lost at the next restart): "
              + Http.describe(e);
      Log.error(problem, e);
    }
  }

  synchronized List<Map<String, Object>> newestFirst() {
    List<Map<String, Object>> list = new ArrayList<>(entries);
    java.util.Collections.reverse(list);
    return list;
  }

  /** What a page should say about keeping its list, or {@code null} when all is kept. */
  synchronized String problem() {
    if (problem != null) {
      return problem;
    }
    return unreadable == 0 ? null : unreadable + " unreadable line(s) in " + file + " were skipped";
  }

  Path file() {
    return file;
  }
}
