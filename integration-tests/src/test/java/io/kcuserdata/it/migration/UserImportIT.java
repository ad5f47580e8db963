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
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
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
import org.keycloak.representations.idm.CredentialRepresentation;

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
