import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The login theme's background and fonts, read from the Keycloak distribution the demo runs (its
 * theme jars), so the pages look like the sign-in pages without a copy in the repository. Without a
 * distribution (the compose setup) the pages fall back to a plain background and system fonts.
 */
final class ThemeAssets {

  private static final String FONTS =
      "theme/keycloak/common/resources/vendor/patternfly-v5/assets/fonts/";

  /** Served name to the entry in a theme jar; nothing else can be asked for. */
  private static final Map<String, String> ENTRIES =
      Map.of(
          "/assets/background.svg", "theme/keycloak.v2/login/resources/img/keycloak-bg-darken.svg",
          "/assets/fonts/RedHatText-Regular.woff2", FONTS + "RedHatText/RedHatText-Regular.woff2",
          "/assets/fonts/RedHatText-Medium.woff2", FONTS + "RedHatText/RedHatText-Medium.woff2",
          "/assets/fonts/RedHatDisplay-Medium.woff2",
              FONTS + "RedHatDisplay/RedHatDisplay-Medium.woff2",
          "/assets/fonts/RedHatMono-Regular.woff2", FONTS + "RedHatMono/RedHatMono-Regular.woff2");

  private final Path keycloakHome;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  ThemeAssets(Path keycloakHome) {
    this.keycloakHome = keycloakHome;
  }

  Iterable<String> paths() {
    return ENTRIES.keySet();
  }

  void serve(HttpExchange exchange) throws Exception {
    String path = exchange.getRequestURI().getPath();
    byte[] content = cache.get(path);
    if (content == null) {
      content = read(ENTRIES.get(path));
      if (content == null) {
        throw new Http.Refused(404, "No Keycloak distribution to read " + path + " from.");
      }
      cache.put(path, content);
    }
    exchange.getResponseHeaders().set("Cache-Control", "max-age=86400");
    exchange
        .getResponseHeaders()
        .set("Content-Type", path.endsWith(".svg") ? "image/svg+xml" : "font/woff2");
    exchange.sendResponseHeaders(200, content.length);
    exchange.getResponseBody().write(content);
  }

  private byte[] read(String entry) throws IOException {
    if (keycloakHome == null || entry == null) {
      return null;
    }
    Path lib = keycloakHome.resolve("lib/lib/main");
    if (!Files.isDirectory(lib)) {
      return null;
    }
    try (Stream<Path> jars = Files.list(lib)) {
      for (Path jar :
          (Iterable<Path>)
              jars.filter(
                      j -> j.getFileName().toString().startsWith("org.keycloak.keycloak-themes"))
                  ::iterator) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          ZipEntry found = zip.getEntry(entry);
          if (found != null) {
            try (InputStream in = zip.getInputStream(found)) {
              return in.readAllBytes();
            }
          }
        }
      }
    }
    return null;
  }
}
