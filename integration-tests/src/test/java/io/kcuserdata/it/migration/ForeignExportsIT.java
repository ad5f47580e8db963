package io.kcuserdata.it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.export.Population;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * {@code …/user-data/import?source=auth0|logto}: other systems' exports, users signing in after.
 */
@KeycloakIT
class ForeignExportsIT {

  private static Answer importInto(HttpApi admin, TestRealm realm, String source, String body) {
    return admin.send(
        "POST",
        "/admin/realms/" + realm.name() + "/user-data/import?source=" + source,
        "application/x-ndjson",
        body);
  }

  @Test
  void auth0UsersThenTheirHashFileSignInWithTheirAuth0Passwords(Realms realms, HttpApi admin) {
    TestRealm realm = realms.create();
    String hash =
        new String(
            BCrypt.with(BCrypt.Version.VERSION_2B).hash(10, "auth0-pw-1".toCharArray()),
            StandardCharsets.UTF_8);
    String users =
        "{\"user_id\":\"auth0|5f7c\",\"email\":\"ann@example.test\",\"email_verified\":true,"
            + "\"given_name\":\"Ann\",\"family_name\":\"Lee\",\"username\":\"ann\","
            + "\"user_metadata\":{\"theme\":\"dark\"},\"app_metadata\":{\"plan\":\"pro\"}}\n";
    String hashes =
        "{\"_id\":{\"$oid\":\"5f7c\"},\"email\":\"ann@example.test\",\"passwordHash\":\""
            + hash
            + "\",\"connection\":\"Username-Password-Authentication\"}\n";

    Answer first = importInto(admin, realm, "auth0", users);
    Answer second = importInto(admin, realm, "auth0", hashes);

    assertThat(first.body()).as(first.body()).contains("\"result\":\"created\"");
    assertThat(second.body()).as(second.body()).contains("\"result\":\"updated\"");
    assertThat(realm.tokens().password("ann", "auth0-pw-1").status()).isEqualTo(200);
    UserRepresentation ann = realm.admin().users().search("ann", true).get(0);
    JsonNode data =
        admin.get("/admin/realms/" + realm.name() + "/user-data/users/" + ann.getId()).json();
    assertThat(data.path("app_metadata").path("auth0_user_id").asText()).isEqualTo("auth0|5f7c");
    assertThat(data.path("user_metadata").path("theme").asText()).isEqualTo("dark");
  }

  @Test
  void logtoUsersWithArgon2HashesSignInAndTheirEmailIsNotTrusted(Realms realms, HttpApi admin) {
    TestRealm realm = realms.create();
    String line =
        "{\"id\":\"u8x2\",\"username\":\"bo\",\"primaryEmail\":\"bo@example.test\","
            + "\"profile\":{\"givenName\":\"Bo\",\"familyName\":\"Ng\"},"
            + "\"customData\":{\"plan\":\"team\"},"
            + "\"passwordEncrypted\":\""
            + argon2id("logto-pw-1")
            + "\",\"passwordEncryptionMethod\":\"Argon2id\"}\n";

    Answer imported = importInto(admin, realm, "logto", line);

    assertThat(imported.body()).as(imported.body()).contains("\"result\":\"created\"");
    UserRepresentation bo = realm.admin().users().search("bo", true).get(0);
    assertThat(bo.isEmailVerified()).isFalse();
    // Verify the address as Keycloak would after the user clicks the link, then sign in.
    bo.setEmailVerified(true);
    realm.admin().users().get(bo.getId()).update(bo);
    assertThat(realm.tokens().password("bo", "logto-pw-1").status()).isEqualTo(200);
    assertThat(realm.tokens().password("bo", "logto-pw-2").status()).isNotEqualTo(200);
  }

  @Test
  void aLegacyDigestIsRefusedForItsLineOnly(Realms realms, HttpApi admin) {
    TestRealm realm = realms.create();
    String body =
        "{\"id\":\"u1\",\"username\":\"old\",\"passwordEncrypted\":\"5f4dcc3b5aa765d61d8327deb882cf99\","
            + "\"passwordEncryptionMethod\":\"MD5\"}\n{\"id\":\"u2\",\"username\":\"fine\"}\n";

    Answer imported = importInto(admin, realm, "logto", body);

    assertThat(Population.ndjson(imported.body()))
        .extracting(r -> r.path("result").asText())
        .containsExactly("error", "created");
    assertThat(imported.body()).doesNotContain("5f4dcc3b5aa765d61d8327deb882cf99");
  }

  private static String argon2id(String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(4096)
            .withIterations(3)
            .withParallelism(1)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] hash = new byte[32];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
    Base64.Encoder phc = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=4096,t=3,p=1$"
        + phc.encodeToString(salt)
        + "$"
        + phc.encodeToString(hash);
  }
}
