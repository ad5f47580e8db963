package io.kcuserdata.it.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.standardwebhooks.Webhook;
import io.kcuserdata.it.harness.TestHttpServer;
import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestHttpServer.Responder;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A webhook receiver on the allowed loopback host: answers as the test says, and checks what it
 * gets the way a customer would, with the official Standard Webhooks library and the published JSON
 * Schemas.
 */
final class Receiver implements AutoCloseable {

  static final String PATH = "/hook";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA_BASE = "https://kc-userdata.io/schemas/webhooks/";
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          b ->
              b.schemaMappers(
                  m ->
                      m.mapPrefix(
                          SCHEMA_BASE,
                          Path.of(
                                  System.getProperty("repo.root", ".."),
                                  "docs",
                                  "webhooks",
                                  "schemas")
                              .toAbsolutePath()
                              .normalize()
                              .toUri()
                              .toString())));
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  final TestHttpServer server = TestHttpServer.onAllowedHost();
  private final AtomicReference<Responder> answer =
      new AtomicReference<>(request -> Response.text(200, "ok"));

  Receiver() {
    server.respond(PATH, request -> answer.get().respond(request));
  }

  URI url() {
    return server.uri(PATH);
  }

  void answers(Responder responder) {
    answer.set(responder);
  }

  List<RecordedRequest> received() {
    return server.requests().stream().filter(r -> r.uri().getPath().equals(PATH)).toList();
  }

  /** Waits until a delivery whose payload matches arrives; fails after {@code timeout}. */
  JsonNode await(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      for (RecordedRequest request : received()) {
        JsonNode payload = payload(request);
        if (wanted.test(payload)) {
          return payload;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no matching webhook within "
            + timeout
            + "; received: "
            + received().stream().map(RecordedRequest::bodyText).toList());
  }

  JsonNode awaitType(String type, Duration timeout) throws InterruptedException {
    return await(p -> type.equals(p.path("type").asText()), timeout);
  }

  static JsonNode payload(RecordedRequest request) {
    try {
      return JSON.readTree(request.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + request.bodyText(), e);
    }
  }

  /** Throws unless the request verifies with {@code secret} (the official library). */
  static void verify(RecordedRequest request, String secret) throws Exception {
    Map<String, List<String>> headers =
        request.headers().entrySet().stream()
            .collect(
                Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    new Webhook(secret).verify(request.bodyText(), headers);
  }

  /** The schema violations of a payload, against the schema of its own type. */
  static Set<ValidationMessage> schemaErrors(JsonNode payload) {
    String type = payload.path("type").asText();
    return SCHEMAS
        .getSchema(SchemaLocation.of(SCHEMA_BASE + type + ".schema.json"), CONFIG)
        .validate(payload);
  }

  @Override
  public void close() {
    server.close();
  }
}
