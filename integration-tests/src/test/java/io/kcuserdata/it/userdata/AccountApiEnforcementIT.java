package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/**
 * Keycloak's Account REST API (what the account console calls) under the most permissive policy,
 * unmanaged attributes ENABLED: the user reads and writes only what the access table allows.
 */
@KeycloakIT
class AccountApiEnforcementIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SeededRealm seeded;
  private HttpApi alice;
  private String account;

  @BeforeEach
  void seed(Realms realms) {
    seeded = SeededRealm.create(realms, UnmanagedAttributePolicy.ENABLED);
    var tokens = seeded.realm.tokens().password("alice", SeededRealm.PASSWORD);
    assertThat(tokens.ok()).as(tokens.body().toString()).isTrue();
    String token = tokens.accessToken();
    alice = seeded.realm.http(token);
    account = "/realms/" + seeded.realm.name() + "/account";
  }

  @Test
  void showsTheUserOnlyNamespacesTheyMayRead() {
    JsonNode attributes = accountOf().path("attributes");

    assertThat(names(attributes))
        .contains("profile.nickname", "user_metadata.lang", "custom_data.plan", "idp.google.sub")
        .doesNotContain("app_metadata.tier", "status.login_count", "custom_data._json")
        .noneMatch(name -> name.startsWith("app_metadata.") || name.startsWith("status."));
  }

  @Test
  void keepsEveryNamespaceTheUserMayNotWriteUnchanged() {
    ObjectNode changed = accountOf();
    ObjectNode attributes = (ObjectNode) changed.path("attributes");
    SeededRealm.overwriteEverything().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("user_metadata."))
        .forEach(e -> attributes.putArray(e.getKey()).add(e.getValue()));

    Answer answer = alice.send("POST", account, "application/json", changed.toString());

    assertThat(answer.status()).as(answer.body()).isIn(204, 400);
    assertThat(seeded.namespaced()).isEqualTo(SeededRealm.SEEDED);
  }

  @Test
  void refusesNewAppMetadataAndStatusWithoutTellingWhatIsStored() {
    ObjectNode changed = accountOf();
    ObjectNode attributes = (ObjectNode) changed.path("attributes");
    attributes.putArray("app_metadata.tier").add("gold");
    attributes.putArray("status.login_count").add("3");

    Answer same = alice.send("POST", account, "application/json", changed.toString());
    attributes.putArray("app_metadata.tier").add("silver");
    Answer different = alice.send("POST", account, "application/json", changed.toString());

    assertThat(same.status()).isEqualTo(different.status());
    assertThat(seeded.namespaced()).isEqualTo(SeededRealm.SEEDED);
  }

  @Test
  void letsTheUserEditUserMetadataTheRealmDeclared() {
    ObjectNode changed = accountOf();
    ((ObjectNode) changed.path("attributes")).putArray("user_metadata.lang").add("fr");

    Answer answer = alice.send("POST", account, "application/json", changed.toString());

    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    Map<String, List<String>> expected = new TreeMap<>(SeededRealm.SEEDED);
    expected.put("user_metadata.lang", List.of("fr"));
    // The user never saw app_metadata or status, so did not send them: they must not be dropped.
    assertThat(seeded.namespaced()).isEqualTo(expected);
  }

  private ObjectNode accountOf() {
    Answer answer = alice.get(account, "Accept", "application/json");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    try {
      return (ObjectNode) JSON.readTree(answer.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> names(JsonNode attributes) {
    List<String> names = new ArrayList<>();
    attributes.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
