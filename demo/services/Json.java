import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader and writer, JDK only, so the demo services need nothing on the classpath
 * (the compose setup runs them on a plain JDK image). Objects keep their members' order; numbers
 * keep their text. Recursion is bounded by the document's nesting, which is capped: a token of any
 * length parses in constant stack.
 */
final class Json {

  /** A number as written, so a token's {@code exp} prints back exactly. */
  record Number(String text) {}

  static final class JsonException extends Exception {
    JsonException(String message) {
      super(message);
    }
  }

  private static final int MAX_DEPTH = 64;

  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /**
   * The value in {@code text}: a {@code Map}, {@code List}, {@code String}, {@link Number}, {@code
   * Boolean} or {@code null}.
   */
  static Object parse(String text) throws JsonException {
    if (text == null) {
      throw new JsonException("no JSON text");
    }
    Json reader = new Json(text);
    reader.skipSpace();
    Object value = reader.value(0);
    reader.skipSpace();
    if (reader.at != text.length()) {
      throw reader.error("text after the JSON value");
    }
    return value;
  }

  /** The object in {@code text}, or an exception saying what it held instead. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parseObject(String text) throws JsonException {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new JsonException("expected a JSON object, got " + kind(value));
    }
    return (Map<String, Object>) value;
  }

  /** The member at {@code path} (object keys), or {@code null} where any step is missing. */
  static Object at(Object value, String... path) {
    Object current = value;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  /** The string at {@code path}, or {@code null} when absent or not a string. */
  static String string(Object value, String... path) {
    return at(value, path) instanceof String s ? s : null;
  }

  static String kind(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Number) {
      return "a number";
    }
    return "a boolean";
  }

  // --- reading ---------------------------------------------------------------------------------

  private Object value(int depth) throws JsonException {
    if (at >= text.length()) {
      throw error("unexpected end of the text");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) throws JsonException {
    checkDepth(depth);
    at++; // {
    Map<String, Object> members = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      at++;
      return members;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a member name in quotes");
      }
      String name = string();
      skipSpace();
      expect(':');
      skipSpace();
      members.put(name, value(depth));
      skipSpace();
      char next = peek();
      at++;
      if (next == '}') {
        return members;
      }
      if (next != ',') {
        throw error("expected ',' or '}' in an object");
      }
    }
  }

  private List<Object> array(int depth) throws JsonException {
    checkDepth(depth);
    at++; // [
    List<Object> items = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      at++;
      return items;
    }
    while (true) {
      skipSpace();
      items.add(value(depth));
      skipSpace();
      char next = peek();
      at++;
      if (next == ']') {
        return items;
      }
      if (next != ',') {
        throw error("expected ',' or ']' in an array");
      }
    }
  }

  private String string() throws JsonException {
    at++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated escape");
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException e) {
            throw error("bad \\u escape");
          }
          at += 4;
        }
        default -> throw error("unknown escape \\" + escaped);
      }
    }
  }

  private Number number() throws JsonException {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    int integerStart = at;
    if (!digits()) {
      throw error("a number needs digits");
    }
    if (text.charAt(integerStart) == '0' && at - integerStart > 1) {
      throw error("a number may not start with 0");
    }
    if (peek() == '.') {
      at++;
      if (!digits()) {
        throw error("a fraction needs digits");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      at++;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      if (!digits()) {
        throw error("an exponent needs digits");
      }
    }
    return new Number(text.substring(start, at));
  }

  private boolean digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at > start;
  }

  private Object literal(String word, Object value) throws JsonException {
    if (!text.startsWith(word, at)) {
      throw error("unexpected word");
    }
    at += word.length();
    return value;
  }

  private void checkDepth(int depth) throws JsonException {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void expect(char c) throws JsonException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private JsonException error(String what) {
    return new JsonException(what + " at character " + at);
  }

  // --- writing ---------------------------------------------------------------------------------

  /** One line, for the NDJSON files and the services' own requests. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, -1, false);
    return out.toString();
  }

  /** Indented by two spaces, as a person reads it. */
  static String pretty(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0, false);
    return out.toString();
  }

  /** Indented, HTML-escaped, with names and values in spans the pages colour. */
  static String prettyHtml(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0, true);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int indent, boolean html) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> member : map.entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        newline(out, indent < 0 ? -1 : indent + 1);
        String name = quote(String.valueOf(member.getKey()));
        out.append(html ? "<span class=\"k\">" + Page.escape(name) + "</span>" : name);
        out.append(indent >= 0 ? ": " : ":");
        write(out, member.getValue(), indent < 0 ? -1 : indent + 1, html);
      }
      newline(out, indent);
      out.append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        out.append(first ? "" : ",");
        first = false;
        newline(out, indent < 0 ? -1 : indent + 1);
        write(out, item, indent < 0 ? -1 : indent + 1, html);
      }
      newline(out, indent);
      out.append(']');
    } else if (value instanceof String s) {
      String quoted = quote(s);
      out.append(html ? "<span class=\"s\">" + Page.escape(quoted) + "</span>" : quoted);
    } else if (value instanceof Number n) {
      out.append(html ? "<span class=\"n\">" + n.text() + "</span>" : n.text());
    } else if (value instanceof java.lang.Number n) {
      out.append(html ? "<span class=\"n\">" + n + "</span>" : n.toString());
    } else {
      String literal = String.valueOf(value);
      out.append(html ? "<span class=\"b\">" + literal + "</span>" : literal);
    }
  }

  private static void newline(StringBuilder out, int indent) {
    if (indent >= 0) {
      out.append('\n').append("  ".repeat(indent));
    }
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
