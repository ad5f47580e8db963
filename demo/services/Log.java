import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One line per event with its time; ./demo.sh appends the lines to .demo/services.log. */
final class Log {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

  private Log() {}

  static synchronized void info(String message) {
    System.out.println(LocalDateTime.now().format(TIME) + " " + message);
    System.out.flush();
  }

  /** The message, and the stack trace where it helps a reader of the log find the cause. */
  static synchronized void error(String message, Throwable cause) {
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    String text = trace.toString();
    // A deep recursion's trace would fill the log with one repeated frame: its head is enough.
    String[] lines = text.split("\n");
    if (lines.length > 40) {
      text =
          String.join("\n", java.util.Arrays.copyOf(lines, 40))
              + "\n\t... "
              + (lines.length - 40)
              + " more";
    }
    System.out.println(LocalDateTime.now().format(TIME) + " ERROR " + message + "\n" + text);
    System.out.flush();
  }
}
