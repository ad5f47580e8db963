package io.kcuserdata.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Raw HTTP calls to the server as a client would make them, with a bearer token: for asserting
 * status codes, headers and error bodies that an admin client library would hide.
 */
public final class HttpApi {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the server answered. */
  public record Answer(int status, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    /** This answer, or an assertion error showing it when its status is not {@code expected}. */
    public Answer requireStatus(int expected) {
      if (status != expected) {
        throw new AssertionError("expected status " + expected + ", got " + this);
      }
      return this;
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final URI base;
  private final Supplier<String> token;

  private HttpApi(URI base, Supplier<String> token) {
    this.base = base;
    this.token = token;
  }

  /** A GET whose body is read as it arrives, for large or streamed answers; no overall timeout. */
  public HttpResponse<java.io.InputStream> stream(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    String bearer = token.get();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Calls as the master realm's admin. */
  public static HttpApi asAdmin(KeycloakServer server, org.keycloak.admin.client.Keycloak admin) {
    return new HttpApi(server.baseUrl(), () -> admin.tokenManager().getAccessTokenString());
  }

  /** Calls with {@code token}, or with no Authorization header when it is null. */
  public static HttpApi withToken(URI baseUrl, String token) {
    return new HttpApi(baseUrl, () -> token);
  }

  public Answer get(String path, String... headers) {
    return send("GET", path, null, null, headers);
  }

  /**
   * @param headers name, value, name, value, …
   */
  public Answer send(
      String method, String path, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    String bearer = token.get();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
