package io.kcuserdata.mappers.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the identity-provider mappers of one sign-in left out, kept as an authentication-session
 * note until the sign-in's {@code LOGIN} event, whose details then name each skipped target and the
 * rule it broke. Entries never hold the value; their number and length are capped so a provider
 * sending many bad claims cannot grow the event.
 */
public final class SkippedImports {

  /** Authentication-session note holding the entries, one per line. */
  public static final String NOTE = "userdata.idp.skipped";

  /** Detail of the {@code LOGIN} event. */
  public static final String DETAIL = "userdata_skipped";

  static final int MAX_ENTRIES = 10;
  static final int MAX_ENTRY_LENGTH = 200;
  private static final Pattern COUNTER = Pattern.compile("… and (\\d{1,9}) more");

  private SkippedImports() {}

  /**
   * {@code custom_data.teams (mapper 'teams'): the value is larger than 4096 bytes}: the target (or
   * nothing, for a mapper that imports nothing at all), the mapper and the reason, on one line and
   * cut to length.
   */
  public static String entry(String target, String mapperName, String reason) {
    String mapper = "mapper '" + mapperName + "'";
    String line = (target == null ? mapper : target + " (" + mapper + ")") + ": " + reason;
    line = line.replace('\r', ' ').replace('\n', ' ');
    return line.length() <= MAX_ENTRY_LENGTH ? line : line.substring(0, MAX_ENTRY_LENGTH - 1) + "…";
  }

  /** The note with one more entry; past the cap a last line counts the entries left out. */
  public static String append(String note, String entry) {
    List<String> lines = lines(note);
    int more = 0;
    if (!lines.isEmpty()) {
      Matcher counter = COUNTER.matcher(lines.get(lines.size() - 1));
      if (counter.matches()) {
        more = Integer.parseInt(counter.group(1));
        lines.remove(lines.size() - 1);
      }
    }
    if (lines.size() < MAX_ENTRIES) {
      lines.add(entry);
    } else {
      more++;
    }
    if (more > 0) {
      lines.add("… and " + more + " more");
    }
    return String.join("\n", lines);
  }

  /** The event detail: the entries joined with {@code "; "}. */
  public static String detail(String note) {
    return String.join("; ", lines(note));
  }

  private static List<String> lines(String note) {
    return note == null || note.isEmpty()
        ? new ArrayList<>()
        : new ArrayList<>(Arrays.asList(note.split("\n")));
  }
}
