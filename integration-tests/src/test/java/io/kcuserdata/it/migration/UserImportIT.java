package io.kcuserdata.it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.it.export.Population;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.KeycloakServer;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.ServerLog;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TokenEndpoint.TokenResponse;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** {@code POST /admin/realms/{realm}/user-data/import}: NDJSON upserts with per-line results. */
@KeycloakIT
class UserImportIT {

  private static Answer importInto(HttpApi admin, TestRealm realm, String ndjson) {
    return admin.send(
        "POST",
        "/admin/realms/" + realm.name() + "/user-data/import",
        "application/x-ndjson",
        ndjson);
  }

  private static Map<String, JsonNode> exportOf(HttpApi admin, TestRealm realm) {
    Map<String, JsonNode> byId = new TreeMap<>();
    Population.ndjson(admin.get("/admin/realms/" + realm.name() + "/user-data/export").body())
        .forEach(
            r -> {
              ObjectNode comparable = (ObjectNode) r.deepCopy();
              // Set by the importing server: the id when the source's is taken (here by the source
              // realm on the same server), when, and the credentials an import cannot carry.
              comparable.remove(List.of("id", "created_at", "credentials"));
              // Each realm names its default roles after itself.
              ArrayNode roles = comparable.putArray("realm_roles");
              r.path("realm_roles")
                  .forEach(
                      role ->
                          roles.add(
                              role.asText().startsWith("default-roles-")
                                  ? "default-roles"
                                  : role.asText()));
              byId.put(r.path("username").asText(), comparable);
            });
    return byId;
  }

  @Nested
  class AnExportImportedIntoAnEmptyRealm {

    @Test
    void reproducesItAndImportingAgainChangesNothing(Realms realms, HttpApi admin) {
      TestRealm source = Population.realmWithStructure(realms);
      Population.users(source, admin, "mover", 6);
      String export = admin.get("/admin/realms/" + source.name() + "/user-data/export").body();
      TestRealm target = Population.realmWithStructure(realms);

      Answer first = importInto(admin, target, export);
      Answer second = importInto(admin, target, export);

      assertThat(first.status()).as(first.body()).isEqualTo(200);
      assertThat(Population.ndjson(first.body()))
          .extracting(r -> r.path("result").asText())
          .as(first.body())
          .containsOnly("created")
          .hasSize(6);
      assertThat(exportOf(admin, target)).isEqualTo(exportOf(admin, source));
      assertThat(Population.ndjson(second.body()))
          .extracting(r -> r.path("result").asText())
          .as(second.body())
          .containsOnly("skipped");
    }
  }

  @Nested
  class PasswordHashesFromOtherSystems {

    @Test
    void bcryptUsersSignInWithTheirOldPasswordAndAreRehashedWithTheRealmsAlgorithm(
        Realms realms, HttpApi admin) {
      TestRealm realm = realms.create();
      StringBuilder lines = new StringBuilder();
      for (String version : List.of("2a", "2b", "2y")) {
        BCrypt.Version v =
            switch (version) {
              case "2a" -> BCrypt.Version.VERSION_2A;
              case "2b" -> BCrypt.Version.VERSION_2B;
              default -> BCrypt.Version.VERSION_2Y;
            };
        String hash =
            new String(
                BCrypt.with(v).hash(6, ("old-secret-" + version).toCharArray()),
                StandardCharsets.UTF_8);
        lines.append(
            "{\"username\":\"from-auth0-"
                + version
                + "\",\"email\":\"a"
                + version
                + "@example.test\",\"email_verified\":true,\"enabled\":true,"
                + "\"first_name\":\"Ann\",\"last_name\":\"Import\","
                + "\"profile\":{},\"password_hash\":{\"algorithm\":\"bcrypt\",\"value\":\""
                + hash
                + "\"}}\n");
      }

      Answer imported = importInto(admin, realm, lines.toString());

      assertThat(Population.ndjson(imported.body()))
          .extracting(r -> r.path("result").asText())
          .as(imported.body())
          .containsExactly("created", "created", "created");
      for (String version : List.of("2a", "2b", "2y")) {
        String username = "from-auth0-" + version;
        assertThat(realm.tokens().password(username, "wrong").status()).isNotEqualTo(200);
        assertThat(realm.tokens().password(username, "old-secret-" + version).status())
            .as(username)
            .isEqualTo(200);
        String userId = realm.admin().users().search(username, true).get(0).getId();
        CredentialRepresentation password =
            realm.admin().users().get(userId).credentials().stream()
                .filter(c -> c.getType().equals("password"))
                .findFirst()
                .orElseThrow();
        assertThat(password.getCredentialData()).contains("\"algorithm\":\"argon2\"");
        assertThat(realm.tokens().password(username, "old-secret-" + version).status())
            .isEqualTo(200);
      }
    }

    @Test
    void aPbkdf2HashSignsInAsItIs(Realms realms, HttpApi admin) throws Exception {
      TestRealm realm = realms.create();
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      byte[] key =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(new PBEKeySpec("pb-secret-1".toCharArray(), salt, 27500, 512))
              .getEncoded();
      String line =
          "{\"username\":\"from-keycloak\",\"email\":\"kc@example.test\","
              + "\"email_verified\":true,\"first_name\":\"Kay\",\"last_name\":\"Cee\","
              + "\"password_hash\":{\"algorithm\":\"pbkdf2-sha256\","
              + "\"value\":\""
              + Base64.getEncoder().encodeToString(key)
              + "\",\"salt\":\""
              + Base64.getEncoder().encodeToString(salt)
              + "\",\"iterations\":27500}}\n";

      Answer imported = importInto(admin, realm, line);

      assertThat(imported.body()).contains("\"result\":\"created\"");
      assertThat(realm.tokens().password("from-keycloak", "pb-secret-1").status())
          .as(imported.body())
          .isEqualTo(200);
    }
  }

  @Nested
  class HashCeilings {

    @Test
    void aHashThatWouldTieUpEverySignInIsRefusedNamingItsLimitAndNobodyIsCreated(
        Realms realms, HttpApi admin) {
      TestRealm realm = realms.create();
      String body =
          String.join(
              "\n",
              "{\"username\":\"slow-bcrypt\",\"password_hash\":{\"algorithm\":\"bcrypt\","
                  + "\"value\":\"$2b$31$"
                  + ".".repeat(53)
                  + "\"}}",
              "{\"username\":\"slow-argon2\",\"password_hash\":{\"algorithm\":\"argon2\","
                  + "\"value\":\"$argon2id$v=19$m=1048576,t=100,p=1$c29tZXNhbHQ$AAAAAA\"}}",
              "{\"username\":\"slow-pbkdf2\",\"password_hash\":{\"algorithm\":\"pbkdf2-sha256\","
                  + "\"value\":\"AAAAAA==\",\"salt\":\"c29tZXNhbHQ=\",\"iterations\":3000000}}");

      Answer answer = importInto(admin, realm, body);

      assertThat(Population.ndjson(answer.body()))
          .as(answer.body())
          .extracting(r -> r.path("result").asText() + ": " + r.path("error_description").asText())
          .containsExactly(
              "error: password_hash: bcrypt cost 31 is above the limit of 13 (SPI option"
                  + " max-bcrypt-cost)",
              "error: password_hash: argon2 memory 1048576 KiB is above the limit of 262144 KiB"
                  + " (SPI option max-argon2-memory)",
              "error: password_hash: pbkdf2 iterations 3000000 is above the limit of 2000000 (SPI"
                  + " option max-pbkdf2-iterations)");
      assertThat(realm.admin().users().list())
          .extracting(u -> u.getUsername())
          .doesNotContain("slow-bcrypt", "slow-argon2", "slow-pbkdf2");
    }

    /**
     * A hash stored before the ceiling existed (here through Keycloak's own API, which takes hashed
     * credentials) must not tie up a thread either: computing cost 31 takes a day and a half, so a
     * prompt refusal shows the computation never started.
     */
    @Test
    void aBcryptHashStoredAboveTheCeilingFailsSignInAtOnceAndIsLoggedWithoutTheHash(
        Realms realms, KeycloakServer server) {
      TestRealm realm = realms.create();
      String hash = "$2b$31$" + ".".repeat(53);
      CredentialRepresentation stored = new CredentialRepresentation();
      stored.setType(CredentialRepresentation.PASSWORD);
      stored.setCredentialData(
          "{\"hashIterations\":31,\"algorithm\":\"bcrypt\",\"additionalParameters\":{}}");
      stored.setSecretData(
          "{\"value\":\"" + hash + "\",\"salt\":\"\",\"additionalParameters\":{}}");
      UserRepresentation user = new UserRepresentation();
      user.setUsername("legacy");
      user.setEmail("legacy@example.test");
      user.setEmailVerified(true);
      user.setFirstName("Leg");
      user.setLastName("Acy");
      user.setEnabled(true);
      user.setCredentials(List.of(stored));
      String userId;
      try (Response created = realm.admin().users().create(user)) {
        userId = CreatedResponseUtil.getCreatedId(created);
      }
      String credentialId =
          realm.admin().users().get(userId).credentials().stream()
              .filter(c -> c.getType().equals("password"))
              .findFirst()
              .orElseThrow()
              .getId();
      long mark = server.log().map(ServerLog::mark).orElse(0L);

      TokenResponse first = realm.tokens().password("legacy", "anything");
      TokenResponse second = realm.tokens().password("legacy", "anything");

      assertThat(first.error()).isEqualTo("invalid_grant");
      assertThat(second.error()).isEqualTo("invalid_grant");
      server
          .log()
          .ifPresent(
              log -> {
                String logged = log.since(mark);
                assertThat(logged)
                    .contains("bcrypt credential " + credentialId + ": cost 31 is above the limit")
                    .doesNotContain(hash);
                assertThat(logged.split("bcrypt credential " + credentialId, -1)).hasSize(2);
              });
    }
  }

  @Nested
  class StreamingAndTheLineCap {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpRequest.Builder importRequest(
        KeycloakServer server, Keycloak admin, TestRealm realm) {
      return HttpRequest.newBuilder(
              server.baseUrl().resolve("/admin/realms/" + realm.name() + "/user-data/import"))
          .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
          .header("Content-Type", "application/x-ndjson");
    }

    /**
     * The client holds the rest of the body back until it has read the first result: an answer
     * built before replying could never arrive, and the read below would time out. A raw socket,
     * because Java's HttpClient hands over a response only once the request body is sent.
     */
    @Test
    void theFirstResultArrivesWhileTheBodyIsStillBeingSent(
        Realms realms, Keycloak admin, KeycloakServer server) throws Exception {
      TestRealm realm = realms.create();
      URI base = server.baseUrl();
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        socket.setSoTimeout(60_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(
            ("POST /admin/realms/"
                    + realm.name()
                    + "/user-data/import HTTP/1.1\r\n"
                    + "Host: "
                    + base.getHost()
                    + ":"
                    + base.getPort()
                    + "\r\nAuthorization: Bearer "
                    + admin.tokenManager().getAccessTokenString()
                    + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(chunk("{\"username\":\"early\"}\n"));
        out.flush();

        String first = readUntil(in, "\"line\":1,");
        out.write(chunk("{\"username\":\"late\"}\n"));
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);

        assertThat(first).startsWith("HTTP/1.1 200").contains("\"line\":1,\"result\":\"created\"");
        assertThat(first).doesNotContain("\"line\":2");
        assertThat(rest).contains("\"line\":2,\"result\":\"created\"");
      }
    }

    private static byte[] chunk(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      byte[] head =
          (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] chunk = new byte[head.length + bytes.length + 2];
      System.arraycopy(head, 0, chunk, 0, head.length);
      System.arraycopy(bytes, 0, chunk, head.length, bytes.length);
      chunk[chunk.length - 2] = '\r';
      chunk[chunk.length - 1] = '\n';
      return chunk;
    }

    /** What the socket delivers until {@code expected} has arrived, to the end of that line. */
    private static String readUntil(InputStream in, String expected) throws IOException {
      StringBuilder seen = new StringBuilder();
      while (true) {
        int at = seen.indexOf(expected);
        if (at >= 0 && seen.indexOf("\n", at) >= 0) {
          return seen.toString();
        }
        int b = in.read();
        if (b == -1) {
          throw new AssertionError("the answer ended before " + expected + ": " + seen);
        }
        seen.append((char) b);
      }
    }

    @Test
    void aBodyOfBlankLinesFarOverTheCapEndsAtTheCapAndTheServerStaysHealthy(
        Realms realms, Keycloak admin, KeycloakServer server) throws Exception {
      TestRealm realm = realms.create();
      int cap = lineCap(admin);

      HttpResponse<InputStream> response =
          HTTP.send(
              importRequest(server, admin, realm)
                  .POST(HttpRequest.BodyPublishers.ofString("\n".repeat(cap * 3)))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      long results = 0;
      String last = null;
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          results++;
          last = line;
        }
      }

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(results).isEqualTo(cap + 1L);
      assertThat(last)
          .contains("\"line\":" + (cap + 1), "\"result\":\"error\"")
          .contains(
              "an import reads at most "
                  + cap
                  + " lines per request (SPI option max-import-lines); this line and the rest"
                  + " were not read");
      HttpResponse<String> after =
          HTTP.send(
              importRequest(server, admin, realm)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"after\"}\n"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(after.body()).contains("\"result\":\"created\"");
    }

    @Test
    void eachImportIsAnAdminEventWithItsCountsRecordedWhenTheAnswerEnds(
        Realms realms, HttpApi admin) {
      TestRealm realm = realms.create(r -> r.setAdminEventsEnabled(true));

      importInto(admin, realm, "{\"username\":\"evented\"}\n\n{not json\n").requireStatus(200);

      assertThat(
              realm.admin().getAdminEvents().stream()
                  .filter(e -> "USER_DATA".equals(e.getResourceType()))
                  .filter(e -> e.getDetails() != null)
                  .map(e -> e.getDetails())
                  .filter(d -> "import".equals(d.get("action"))))
          .singleElement()
          .satisfies(
              d ->
                  assertThat(d)
                      .containsEntry("source", "kc-userdata")
                      .containsEntry("lines", "3")
                      .containsEntry("created", "1")
                      .containsEntry("skipped", "1")
                      .containsEntry("error", "1")
                      .doesNotContainKey("interrupted"));
    }

    /** The cap the server runs with, from the provider info of the pack's admin root. */
    private int lineCap(Keycloak admin) {
      return Integer.parseInt(
          admin
              .serverInfo()
              .getInfo()
              .getProviders()
              .get("admin-realm-restapi-extension")
              .getProviders()
              .get("user-data")
              .getOperationalInfo()
              .get("max-import-lines"));
    }
  }

  @Nested
  class AFileMixingGoodAndBadLines {

    @Test
    void reportsEachBadLineAndImportsTheGoodOnesWhole(Realms realms, HttpApi admin) {
      TestRealm realm = realms.create();
      String body =
          String.join(
              "\n",
              "{\"username\":\"good-1\",\"custom_data\":{\"plan\":\"pro\"}}",
              "{not json",
              "{\"username\":\"bad-role\",\"custom_data\":{\"plan\":\"x\"},\"realm_roles\":[\"no-such-role\"]}",
              "{\"username\":\"bad-key\",\"custom_data\":{\"1bad\":\"x\"}}",
              "{\"username\":\"bad-hash\",\"password_hash\":{\"algorithm\":\"md5\",\"value\":\"abc\"}}",
              "[1,2]",
              "{\"username\":\"good-2\",\"app_metadata\":{\"tier\":3}}");

      Answer answer = importInto(admin, realm, body);

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      List<JsonNode> results = Population.ndjson(answer.body());
      assertThat(results)
          .extracting(r -> r.path("line").asInt() + ":" + r.path("result").asText())
          .containsExactly(
              "1:created", "2:error", "3:error", "4:error", "5:error", "6:error", "7:created");
      assertThat(results.get(1).path("error_description").asText()).contains("not valid JSON");
      assertThat(results.get(2).path("error_description").asText()).contains("no-such-role");
      assertThat(results.get(3).path("error_description").asText()).contains("1bad");
      assertThat(results.get(4).path("error_description").asText()).contains("bcrypt");
      assertThat(realm.admin().users().search("bad-role", true)).isEmpty();
      assertThat(realm.admin().users().search("bad-key", true)).isEmpty();
      assertThat(
              realm.admin().users().list().stream()
                  .map(u -> u.getUsername())
                  .collect(Collectors.toSet()))
          .contains("good-1", "good-2");
    }

    @Test
    void anOverlongLineIsReportedAndTheRestImported(Realms realms, HttpApi admin) {
      TestRealm realm = realms.create();
      String huge =
          "{\"username\":\"huge\",\"custom_data\":{\"x\":\"" + "a".repeat(1_100_000) + "\"}}";

      Answer answer = importInto(admin, realm, huge + "\n{\"username\":\"after-huge\"}\n");

      List<JsonNode> results = Population.ndjson(answer.body());
      assertThat(results.get(0).path("error_description").asText()).contains("longer than");
      assertThat(results.get(1).path("result").asText()).isEqualTo("created");
    }

    @Test
    void aWrongContentTypeOrAMissingPermissionIsRefused(Realms realms, HttpApi admin) {
      TestRealm realm = realms.create();
      Answer wrongType =
          admin.send(
              "POST",
              "/admin/realms/" + realm.name() + "/user-data/import",
              "text/csv",
              "id,username");
      realm.createUser("viewer", "pw-viewer-1");
      String viewerId = realm.admin().users().search("viewer", true).get(0).getId();
      realm.grantClientRole(viewerId, "realm-management", "view-users");
      String token = realm.tokens().password("viewer", "pw-viewer-1").accessToken();

      Answer viewerOnly =
          realm
              .http(token)
              .send(
                  "POST",
                  "/admin/realms/" + realm.name() + "/user-data/import",
                  "application/x-ndjson",
                  "{\"username\":\"sneaky\"}\n");

      assertThat(wrongType.status()).isEqualTo(415);
      assertThat(viewerOnly.status()).isEqualTo(403);
      assertThat(realm.admin().users().search("sneaky", true)).isEmpty();
    }
  }
}
