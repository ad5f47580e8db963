package io.kcuserdata.it.userdata;

import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/**
 * A realm whose user {@code alice} holds a value in every namespace, member of organization {@code
 * acme}; the values are imported with the realm, as Keycloak itself would write them.
 */
final class SeededRealm {

  static final String PASSWORD = "pw-alice-1";

  /** One value per namespace, as stored attributes. */
  static final Map<String, List<String>> SEEDED =
      new TreeMap<>(
          Map.of(
              "profile.nickname", List.of("ally"),
              "user_metadata.lang", List.of("de"),
              "user_metadata.theme", List.of("dark"),
              "custom_data.plan", List.of("pro"),
              "app_metadata.tier", List.of("gold"),
              "idp.google.sub", List.of("g-123"),
              "status.login_count", List.of("3"),
              "org.acme.department", List.of("R&D")));

  /** What a hostile user or a careless admin sends: a new value for every seeded attribute. */
  static Map<String, String> overwriteEverything() {
    Map<String, String> changes = new TreeMap<>();
    SEEDED.keySet().forEach(name -> changes.put(name, "hacked"));
    changes.put("custom_data.granted", "yes");
    changes.put("app_metadata.role", "admin");
    changes.put("status.suspended_at", "never");
    changes.put("idp.evil.sub", "x");
    changes.put("custom_data._json", "plan");
    return changes;
  }

  final TestRealm realm;
  final String aliceId;

  private SeededRealm(TestRealm realm, String aliceId) {
    this.realm = realm;
    this.aliceId = aliceId;
  }

  /**
   * @param policy the realm's unmanaged-attribute policy; ENABLED is the one that lets users and
   *     admins at attributes the profile does not declare
   */
  static SeededRealm create(Realms realms, UnmanagedAttributePolicy policy) {
    TestRealm realm =
        realms.create(
            r -> {
              r.setOrganizationsEnabled(true);
              r.setRegistrationAllowed(true);
            });
    UserRepresentation alice = new UserRepresentation();
    alice.setUsername("alice");
    alice.setEmail("alice@example.test");
    alice.setEmailVerified(true);
    alice.setFirstName("Alice");
    alice.setLastName("Tester");
    alice.setEnabled(true);
    alice.setAttributes(new TreeMap<>(SEEDED));
    // A partial import grants no default roles by itself; the account roles come from these.
    alice.setRealmRoles(List.of("default-roles-" + realm.name()));
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue(PASSWORD);
    password.setTemporary(false);
    alice.setCredentials(List.of(password));
    realm.admin().partialImport(partialImportOf(alice)).close();
    String aliceId = realm.admin().users().searchByUsername("alice", true).get(0).getId();

    realm.createOrganization("acme", aliceId);

    UPConfig profile = realm.admin().users().userProfile().getConfiguration();
    profile.setUnmanagedAttributePolicy(policy);
    profile.addOrReplaceAttribute(declared("user_metadata.lang"));
    // A realm admin's mistake the pack must neutralize: app_metadata offered to the user.
    profile.addOrReplaceAttribute(declared("app_metadata.tier"));
    realm.admin().users().userProfile().update(profile);
    return new SeededRealm(realm, aliceId);
  }

  /** Alice's namespaced attributes as stored: declared and unmanaged ones, read as an admin. */
  Map<String, List<String>> namespaced() {
    return realm.namespacedAttributes(aliceId);
  }

  private static UPAttribute declared(String name) {
    UPAttribute attribute = new UPAttribute(name);
    attribute.setPermissions(
        new UPAttributePermissions(Set.of("admin", "user"), Set.of("admin", "user")));
    return attribute;
  }

  private static PartialImportRepresentation partialImportOf(UserRepresentation user) {
    PartialImportRepresentation partial = new PartialImportRepresentation();
    partial.setUsers(List.of(user));
    partial.setIfResourceExists("FAIL");
    return partial;
  }
}
