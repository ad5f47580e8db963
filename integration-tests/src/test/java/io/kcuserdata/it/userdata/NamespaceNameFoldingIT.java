package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kcuserdata.it.harness.Browser;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.HttpApi.Answer;
import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.LoginOutcome;
import io.kcuserdata.it.harness.Realms;
import jakarta.ws.rs.WebApplicationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/**
 * Attribute names that a case- or accent-insensitive database collation (or a reader) takes for a
 * governed namespace: {@code App_Metadata.x} is {@code app_metadata.x} to MySQL's default
 * collation. Under the widest policy, unmanaged attributes ENABLED, nobody creates such a name
 * through Keycloak's own paths, and one that exists already is hidden and kept as the namespace it
 * folds to.
 */
@KeycloakIT
class NamespaceNameFoldingIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each spells {@code app_metadata} (or {@code status}) so that a collation folds it. */
  static final List<String> LOOKALIKES =
      List.of(
          "App_Metadata.role",
          "APP_METADATA.role",
          "äpp_metadata.role",
          "\uFF41pp_metadata.role", // fullwidth a
          "app_metadata\uFF0Erole", // fullwidth full stop
          "Status.login_count");

  /** What Keycloak's representation lists besides the pack's data. */
  private static final Set<String> KEYCLOAKS_OWN =
      Set.of("username", "email", "firstName", "lastName");

  private SeededRealm seeded;

  @BeforeEach
  void seed(Realms realms) {
    seeded = SeededRealm.create(realms, UnmanagedAttributePolicy.ENABLED);
  }

  private static Map<String, String> lookalikeFields() {
    Map<String, String> fields = new TreeMap<>();
    LOOKALIKES.forEach(name -> fields.put(name, "admin"));
    return fields;
  }

  /**
   * Every attribute of the user as stored, read as an admin: the harness's namespaced view needs a
   * dot, which {@code app_metadata．role} (fullwidth full stop) does not have.
   */
  private Map<String, List<String>> storedOf(String userId) {
    Map<String, List<String>> stored = new TreeMap<>();
    var user = seeded.realm.admin().users().get(userId);
    stored.putAll(user.getUnmanagedAttributes());
    Map<String, List<String>> declared = user.toRepresentation().getAttributes();
    if (declared != null) {
      stored.putAll(declared);
    }
    stored.keySet().removeAll(KEYCLOAKS_OWN);
    return stored;
  }

  @Nested
  class TheAccountApi {

    private HttpApi alice;
    private String account;

    @BeforeEach
    void signIn() {
      alice =
          seeded.realm.http(
              seeded.realm.tokens().password("alice", SeededRealm.PASSWORD).accessToken());
      account = "/realms/" + seeded.realm.name() + "/account";
    }

    @Test
    void createsNoAttributeWhoseNameFoldsToAGovernedNamespace() throws Exception {
      for (String name : LOOKALIKES) {
        ObjectNode changed = accountOf();
        ((ObjectNode) changed.path("attributes")).putArray(name).add("admin");

        Answer answer = alice.send("POST", account, "application/json", changed.toString());

        assertThat(answer.status()).as(name + ": " + answer.body()).isIn(204, 400);
        assertThat(storedOf(seeded.aliceId)).as(name).isEqualTo(SeededRealm.SEEDED);
      }
    }

    @Test
    void stillLetsTheUserWriteAnOrdinaryUnmanagedAttribute() throws Exception {
      ObjectNode changed = accountOf();
      ((ObjectNode) changed.path("attributes")).putArray("favourite.colour").add("teal");

      Answer answer = alice.send("POST", account, "application/json", changed.toString());

      assertThat(answer.status()).as(answer.body()).isEqualTo(204);
      assertThat(storedOf(seeded.aliceId)).containsEntry("favourite.colour", List.of("teal"));
    }

    private ObjectNode accountOf() throws Exception {
      Answer answer = alice.get(account, "Accept", "application/json");
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      return (ObjectNode) JSON.readTree(answer.body());
    }
  }

  @Nested
  class TheLoginForms {

    @Test
    void theUpdateProfileFormCreatesNone(Browser browser) {
      UserRepresentation alice =
          seeded.realm.admin().users().get(seeded.aliceId).toRepresentation();
      alice.setRequiredActions(List.of("UPDATE_PROFILE"));
      seeded.realm.admin().users().get(seeded.aliceId).update(alice);
      LoginOutcome form = browser.login(seeded.realm, "alice", SeededRealm.PASSWORD);
      assertThat(form.signedIn()).isFalse();

      browser.submit(seeded.realm, form.page(), "kc-update-profile-form", lookalikeFields());

      assertThat(storedOf(seeded.aliceId)).isEqualTo(SeededRealm.SEEDED);
    }

    @Test
    void theRegistrationFormCreatesNone(Browser browser) {
      Map<String, String> fields = lookalikeFields();
      fields.putAll(
          Map.of(
              "username", "mallory",
              "email", "mallory@example.test",
              "firstName", "Mallory",
              "lastName", "Hacker",
              "password", "pw-mallory-1",
              "password-confirm", "pw-mallory-1"));

      LoginOutcome outcome =
          browser.submit(
              seeded.realm, browser.openRegistrationPage(seeded.realm), "kc-register-form", fields);

      List<UserRepresentation> mallory =
          seeded.realm.admin().users().searchByUsername("mallory", true);
      if (!mallory.isEmpty()) {
        assertThat(storedOf(mallory.get(0).getId())).isEmpty();
      } else {
        assertThat(outcome.signedIn()).isFalse();
      }
    }
  }

  @Nested
  class KeycloaksAdminUsersApi {

    @Test
    void createsNoneForAnAdminEither() {
      UserRepresentation alice =
          seeded.realm.admin().users().get(seeded.aliceId).toRepresentation();
      Map<String, List<String>> attributes = new HashMap<>(alice.getAttributes());
      LOOKALIKES.forEach(name -> attributes.put(name, List.of("admin")));
      alice.setAttributes(attributes);

      try {
        seeded.realm.admin().users().get(seeded.aliceId).update(alice);
      } catch (WebApplicationException refused) {
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
      }

      assertThat(storedOf(seeded.aliceId)).isEqualTo(SeededRealm.SEEDED);
    }
  }

  @Nested
  class AnAttributeThatExistsAlready {

    private String bobId;
    private HttpApi bob;
    private String account;

    /** Bob's lookalikes were stored before the pack refused them (imported, as Keycloak would). */
    @BeforeEach
    void bobHasLookalikes() {
      UserRepresentation user = new UserRepresentation();
      user.setUsername("bob");
      user.setEmail("bob@example.test");
      user.setEmailVerified(true);
      user.setFirstName("Bob");
      user.setLastName("Tester");
      user.setEnabled(true);
      Map<String, List<String>> attributes = new TreeMap<>();
      LOOKALIKES.forEach(name -> attributes.put(name, List.of("secret-" + attributes.size())));
      user.setAttributes(attributes);
      user.setRealmRoles(List.of("default-roles-" + seeded.realm.name()));
      CredentialRepresentation password = new CredentialRepresentation();
      password.setType(CredentialRepresentation.PASSWORD);
      password.setValue("pw-bob-1");
      password.setTemporary(false);
      user.setCredentials(List.of(password));
      PartialImportRepresentation partial = new PartialImportRepresentation();
      partial.setUsers(List.of(user));
      partial.setIfResourceExists("FAIL");
      seeded.realm.admin().partialImport(partial).close();
      bobId = seeded.realm.admin().users().searchByUsername("bob", true).get(0).getId();
      bob = seeded.realm.http(seeded.realm.tokens().password("bob", "pw-bob-1").accessToken());
      account = "/realms/" + seeded.realm.name() + "/account";
    }

    @Test
    void isHiddenFromTheUserAsTheNamespaceItFoldsTo() {
      Answer answer = bob.get(account, "Accept", "application/json");

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).doesNotContain("secret-");
      assertThat(storedOf(bobId)).containsKeys(LOOKALIKES.toArray(String[]::new));
    }

    @Test
    void isNeitherChangedNorDroppedByTheUser() throws Exception {
      Map<String, List<String>> before = storedOf(bobId);
      ObjectNode changed = (ObjectNode) JSON.readTree(accountOfBob());
      // Bob sees none of them, so the account may list no attributes at all.
      ObjectNode attributes =
          changed.has("attributes")
              ? (ObjectNode) changed.get("attributes")
              : changed.putObject("attributes");
      LOOKALIKES.forEach(name -> attributes.putArray(name).add("hacked"));

      bob.send("POST", account, "application/json", changed.toString());
      JsonNode dropped = JSON.readTree(accountOfBob());
      ((ObjectNode) dropped).putObject("attributes");
      bob.send("POST", account, "application/json", dropped.toString());

      assertThat(storedOf(bobId)).isEqualTo(before);
    }

    private String accountOfBob() {
      return bob.get(account, "Accept", "application/json").requireStatus(200).body();
    }
  }
}
