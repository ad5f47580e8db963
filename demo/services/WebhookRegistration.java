import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receiver's endpoint in the acme realm, made through the pack's admin API. Keycloak answers an
 * endpoint's secret once, so the demo keeps it in {@code .demo/} (a demo secret, not a production
 * one): after a restart the receiver verifies at once, including deliveries Keycloak had queued
 * meanwhile. Without a kept secret for the endpoint it rotates the secret (the old one keeps
 * signing beside the new during the overlap) or creates the endpoint.
 */
final class WebhookRegistration {

  private static final String ENDPOINTS = "/user-data/webhooks";

  private final Keycloak keycloak;
  private final String url;
  private final Path kept;
  private volatile String secret;

  WebhookRegistration(Keycloak keycloak, String selfUrl, Path dataDir) {
    this.keycloak = keycloak;
    this.url = selfUrl + "/webhooks";
    this.kept = dataDir.resolve("webhook-endpoint.json");
  }

  String secret() {
    return secret;
  }

  /** Until it works: Keycloak may still be starting. */
  void registerUntilDone() {
    String lastProblem = null;
    while (secret == null && !Thread.currentThread().isInterrupted()) {
      try {
        register();
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        String problem = Http.describe(e);
        if (!problem.equals(lastProblem) && !(e instanceof java.net.ConnectException)) {
          Log.info("webhook registration not done yet: " + problem);
        }
        lastProblem = problem;
      }
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void register() throws Exception {
    String token = keycloak.adminToken();
    Object list = keycloak.adminGet(token, ENDPOINTS);
    String existing = null;
    if (list instanceof List<?> endpoints) {
      for (Object endpoint : endpoints) {
        if (url.equals(Json.string(endpoint, "url"))) {
          existing = Json.string(endpoint, "id");
        }
      }
    }
    Map<String, Object> saved = read();
    if (existing != null
        && saved != null
        && existing.equals(saved.get("id"))
        && saved.get("secret") instanceof String keptSecret) {
      secret = keptSecret;
      Log.info(
          "webhook endpoint registered in realm acme: " + url + " (secret kept in " + kept + ")");
      return;
    }
    HttpResponse<String> answer =
        existing != null
            ? keycloak.adminPost(token, ENDPOINTS + "/" + existing + "/rotate-secret", null)
            : keycloak.adminPost(
                token,
                ENDPOINTS,
                Map.of(
                    "url",
                    url,
                    "events",
                    List.of("*"),
                    "description",
                    "kc-userdata demo receiver"));
    if (answer.statusCode() / 100 != 2) {
      throw new Keycloak.Failed(
          existing != null ? "rotating the secret" : "creating the endpoint", answer);
    }
    Map<String, Object> created = Json.parseObject(answer.body());
    String newSecret = Json.string(created, "secret");
    if (newSecret == null) {
      throw new Keycloak.Failed("no secret in Keycloak's answer");
    }
    String id = existing != null ? existing : Json.string(created, "id");
    save(id, newSecret);
    secret = newSecret;
    Log.info(
        "webhook endpoint registered in realm acme: "
            + url
            + (existing != null ? " (secret rotated)" : " (created)"));
  }

  private Map<String, Object> read() {
    try {
      return Files.exists(kept)
          ? Json.parseObject(Files.readString(kept, StandardCharsets.UTF_8))
          : null;
    } catch (Exception e) {
      Log.info("ignoring " + kept + ": " + Http.describe(e));
      return null;
    }
  }

  private void save(String id, String newSecret) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", id);
    entry.put("url", url);
    entry.put("secret", newSecret);
    try {
      Files.createDirectories(kept.getParent());
      Files.writeString(kept, Json.write(entry) + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file stays as the umask made it
      }
    } catch (Exception e) {
      Log.error("could not keep the webhook secret in " + kept + " (the next start rotates it)", e);
    }
  }
}
