import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a person reads of a received e-mail: subject, addresses, the text (from a text/plain part,
 * else the HTML part without its tags) and its links, decoded from MIME (multipart, quoted-
 * printable, base64, RFC 2047 headers) as Keycloak's mails are sent. Anything malformed is shown as
 * it came rather than refused: the mail page is for looking at what arrived.
 */
record MailMessage(String from, String to, String subject, String text, List<String> links) {

  private static final int MAX_DEPTH = 5;

  static MailMessage parse(byte[] raw) {
    Part message = Part.of(raw);
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    collect(message, text, html, 0);
    String body = text.length() > 0 ? text.toString() : withoutTags(html.toString());
    Set<String> links = new LinkedHashSet<>(links(body));
    if (html.length() > 0) {
      links.addAll(hrefs(html.toString()));
    }
    return new MailMessage(
        headerText(message.headers.get("from")),
        headerText(message.headers.get("to")),
        headerText(message.headers.get("subject")),
        body.strip(),
        List.copyOf(links));
  }

  private static void collect(Part part, StringBuilder text, StringBuilder html, int depth) {
    String type = part.type();
    if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
      for (Part child : part.children()) {
        collect(child, text, html, depth + 1);
      }
    } else if (type.equals("text/plain") && text.length() == 0) {
      text.append(part.decodedText());
    } else if (type.equals("text/html") && html.length() == 0) {
      html.append(part.decodedText());
    }
  }

  /** One MIME entity: its headers (names in lower case, folded lines joined) and body bytes. */
  private record Part(Map<String, String> headers, byte[] body) {

    static Part of(byte[] raw) {
      int split = headerEnd(raw);
      String head = new String(raw, 0, split < 0 ? raw.length : split, StandardCharsets.ISO_8859_1);
      byte[] body =
          split < 0
              ? new byte[0]
              : java.util.Arrays.copyOfRange(raw, bodyStart(raw, split), raw.length);
      Map<String, String> headers = new LinkedHashMap<>();
      String name = null;
      for (String line : head.split("\r?\n")) {
        if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
          headers.put(name, headers.get(name) + " " + line.strip());
        } else {
          int colon = line.indexOf(':');
          if (colon > 0) {
            name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!headers.containsKey(name)) {
              headers.put(name, line.substring(colon + 1).trim());
            } else {
              name = null; // a repeated header: the first one counts
            }
          }
        }
      }
      return new Part(headers, body);
    }

    String type() {
      String value = headers.getOrDefault("content-type", "text/plain");
      int semicolon = value.indexOf(';');
      return (semicolon < 0 ? value : value.substring(0, semicolon))
          .trim()
          .toLowerCase(Locale.ROOT);
    }

    String parameter(String wanted) {
      String value = headers.getOrDefault("content-type", "");
      for (String piece : value.split(";")) {
        int eq = piece.indexOf('=');
        if (eq > 0 && piece.substring(0, eq).trim().equalsIgnoreCase(wanted)) {
          String found = piece.substring(eq + 1).trim();
          return found.startsWith("\"") && found.endsWith("\"") && found.length() > 1
              ? found.substring(1, found.length() - 1)
              : found;
        }
      }
      return null;
    }

    List<Part> children() {
      String boundary = parameter("boundary");
      List<Part> parts = new ArrayList<>();
      if (boundary == null || boundary.isEmpty()) {
        return parts;
      }
      String delimiter = "--" + boundary;
      String body = new String(this.body, StandardCharsets.ISO_8859_1);
      int at = body.indexOf(delimiter);
      while (at >= 0) {
        int start = body.indexOf('\n', at);
        if (start < 0 || body.startsWith(delimiter + "--", at)) {
          break;
        }
        int next = body.indexOf("\n" + delimiter, start);
        int end = next < 0 ? body.length() : next;
        String content = body.substring(start + 1, end);
        if (content.endsWith("\r")) {
          content = content.substring(0, content.length() - 1);
        }
        parts.add(Part.of(content.getBytes(StandardCharsets.ISO_8859_1)));
        at = next < 0 ? -1 : next + 1;
      }
      return parts;
    }

    String decodedText() {
      String encoding =
          headers.getOrDefault("content-transfer-encoding", "7bit").trim().toLowerCase(Locale.ROOT);
      byte[] bytes =
          switch (encoding) {
            case "quoted-printable" -> quotedPrintable(body);
            case "base64" -> base64(body);
            default -> body;
          };
      return new String(bytes, charset(parameter("charset"))).replace("\r\n", "\n");
    }
  }

  private static int headerEnd(byte[] raw) {
    for (int i = 0; i < raw.length - 1; i++) {
      if (raw[i] == '\n'
          && (raw[i + 1] == '\n'
              || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
        return i;
      }
    }
    return -1;
  }

  private static int bodyStart(byte[] raw, int headerEnd) {
    return raw[headerEnd + 1] == '\r' ? headerEnd + 3 : headerEnd + 2;
  }

  /** RFC 2045 quoted-printable: {@code =XX} is a byte, {@code =} at a line's end joins lines. */
  static byte[] quotedPrintable(byte[] encoded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length);
    for (int i = 0; i < encoded.length; i++) {
      byte b = encoded[i];
      if (b != '=') {
        out.write(b);
        continue;
      }
      if (i + 1 < encoded.length && encoded[i + 1] == '\n') {
        i += 1;
      } else if (i + 2 < encoded.length && encoded[i + 1] == '\r' && encoded[i + 2] == '\n') {
        i += 2;
      } else if (i + 2 < encoded.length && hex(encoded[i + 1]) >= 0 && hex(encoded[i + 2]) >= 0) {
        out.write(hex(encoded[i + 1]) * 16 + hex(encoded[i + 2]));
        i += 2;
      } else {
        out.write(b); // not an escape: kept as it came
      }
    }
    return out.toByteArray();
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }

  private static byte[] base64(byte[] encoded) {
    try {
      return Base64.getMimeDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return encoded;
    }
  }

  private static Charset charset(String name) {
    try {
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
    }
  }

  /** A header with RFC 2047 encoded words ({@code =?UTF-8?Q?...?=}, {@code ?B?}) decoded. */
  static String headerText(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    boolean lastWasEncoded = false;
    while (at < value.length()) {
      int start = value.indexOf("=?", at);
      int charsetEnd = start < 0 ? -1 : value.indexOf('?', start + 2);
      int encodingEnd = charsetEnd < 0 ? -1 : value.indexOf('?', charsetEnd + 1);
      int end = encodingEnd < 0 ? -1 : value.indexOf("?=", encodingEnd + 1);
      if (end < 0) {
        out.append(value, at, value.length());
        break;
      }
      String between = value.substring(at, start);
      if (!(lastWasEncoded && between.isBlank())) {
        out.append(between); // white space between two encoded words is not part of the text
      }
      String charsetName = value.substring(start + 2, charsetEnd);
      String encoding = value.substring(charsetEnd + 1, encodingEnd);
      String word = value.substring(encodingEnd + 1, end);
      byte[] bytes = word.getBytes(StandardCharsets.ISO_8859_1);
      if (encoding.equalsIgnoreCase("B")) {
        out.append(new String(base64(bytes), charset(charsetName)));
      } else if (encoding.equalsIgnoreCase("Q")) {
        out.append(
            new String(
                quotedPrintable(word.replace('_', ' ').getBytes(StandardCharsets.ISO_8859_1)),
                charset(charsetName)));
      } else {
        out.append(value, start, end + 2);
      }
      lastWasEncoded = true;
      at = end + 2;
    }
    return out.toString();
  }

  /** The http(s) addresses in a text, each ending at white space or a delimiter. */
  static List<String> links(String text) {
    List<String> found = new ArrayList<>();
    int at = 0;
    while (true) {
      int start = nextLink(text, at);
      if (start < 0) {
        return found;
      }
      int end = linkEnd(text, start);
      found.add(text.substring(start, end));
      at = end;
    }
  }

  static int nextLink(String text, int from) {
    int http = text.indexOf("http://", from);
    int https = text.indexOf("https://", from);
    if (http < 0) {
      return https;
    }
    return https < 0 ? http : Math.min(http, https);
  }

  static int linkEnd(String text, int start) {
    int end = start;
    while (end < text.length()
        && !Character.isWhitespace(text.charAt(end))
        && "<>\"'".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    while (end > start && ".,;:!)".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  private static List<String> hrefs(String html) {
    List<String> found = new ArrayList<>();
    int at = 0;
    while ((at = html.indexOf("href=\"", at)) >= 0) {
      int end = html.indexOf('"', at + 6);
      if (end < 0) {
        break;
      }
      String link = html.substring(at + 6, end).replace("&amp;", "&");
      if (link.startsWith("http://") || link.startsWith("https://")) {
        found.add(link);
      }
      at = end;
    }
    return found;
  }

  private static String withoutTags(String html) {
    StringBuilder out = new StringBuilder();
    boolean inTag = false;
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (c == '<') {
        inTag = true;
      } else if (c == '>') {
        inTag = false;
      } else if (!inTag) {
        out.append(c);
      }
    }
    return out.toString()
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
  }
}
