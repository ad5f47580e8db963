import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP plumbing every page and API of the demo services shares. */
final class Http {

  /** A route's work; anything it throws becomes an error page, never a request left hanging. */
  interface Route {
    void handle(HttpExchange exchange) throws Exception;
  }

  /** A request the route refuses, with the status and the reason shown to the caller. */
  static final class Refused extends Exception {
    final int status;

    Refused(int status, String reason) {
      super(reason);
      this.status = status;
    }
  }

  private static final String SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'self'; "
          + "form-action 'none'; frame-ancestors 'none'";

  private Http() {}

  /**
   * Exact paths to routes, anything else a 404 page; every answer is sent, whatever a route throws
   * (an {@link Error} included: a handler that dies without answering leaves the browser waiting
   * for ever).
   */
  static HttpHandler router(Map<String, Route> routes) {
    return exchange -> {
      String path = exchange.getRequestURI().getPath();
      Route route = routes.get(path);
      try {
        if (route == null) {
          throw new Refused(404, "There is no page at " + path + ".");
        }
        route.handle(exchange);
      } catch (Refused refused) {
        fail(exchange, refused.status, refused.getMessage());
      } catch (Throwable t) {
        Log.error(exchange.getRequestMethod() + " " + path + " failed", t);
        fail(
            exchange,
            500,
            "The demo services failed on this request: "
                + describe(t)
                + ". The details are in .demo/services.log.");
      } finally {
        exchange.close();
      }
    };
  }

  private static void fail(HttpExchange exchange, int status, String reason) {
    if (exchange.getResponseCode() != -1) {
      return; // the answer had started: all that is left is closing the connection
    }
    try {
      if (wantsJson(exchange)) {
        json(exchange, status, Map.of("error", reason));
      } else {
        html(exchange, status, Page.error(status, reason));
      }
    } catch (IOException | RuntimeException e) {
      Log.error("could not send the error page", e);
    }
  }

  static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private static boolean wantsJson(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    return path.endsWith(".json") || path.equals("/claims") || path.equals("/webhooks");
  }

  static void requireMethod(HttpExchange exchange, String method) throws Refused {
    if (!method.equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", method);
      throw new Refused(
          405, exchange.getRequestMethod() + " is not allowed here; use " + method + ".");
    }
  }

  /** The body, refused past {@code max} bytes while reading. */
  static byte[] body(HttpExchange exchange, int max) throws IOException, Refused {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = exchange.getRequestBody()) {
      int read;
      while ((read = in.read(buffer)) != -1) {
        if (out.size() + read > max) {
          throw new Refused(413, "The body is larger than " + max + " bytes.");
        }
        out.write(buffer, 0, read);
      }
    }
    return out.toByteArray();
  }

  /** The query's parameters, decoded; the first of a repeated name wins. */
  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a broken %-escape: shown as sent rather than failing the page
    }
  }

  static void html(HttpExchange exchange, int status, String page) throws IOException {
    exchange.getResponseHeaders().set("Content-Security-Policy", SECURITY_POLICY);
    send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }

  static void json(HttpExchange exchange, int status, Object value) throws IOException {
    send(exchange, status, "application/json", Json.write(value).getBytes(StandardCharsets.UTF_8));
  }

  static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(303, -1);
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (status == 204 || "HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
