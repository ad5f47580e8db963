package io.kcuserdata.it.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A realm whose users carry every kind of data an export covers: namespaces (strings, numbers,
 * nested JSON, per-provider and per-organization data), a linked identity, realm and client roles,
 * a subgroup, an organization, password and OTP credentials, required actions.
 */
public final class Population {

  public static final String OTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  public static final ObjectMapper JSON = new ObjectMapper();

  private Population() {}

  /** Roles, client, groups, organization and identity provider the users refer to. */
  public static TestRealm realmWithStructure(Realms realms) {
    TestRealm realm =
        realms.create(
            r -> {
              r.setOrganizationsEnabled(true);
              r.setAdminEventsEnabled(true);
            });
    RoleRepresentation vip = new RoleRepresentation();
    vip.setName("vip");
    realm.admin().roles().create(vip);
    ClientRepresentation billing = new ClientRepresentation();
    billing.setClientId("billing");
    billing.setPublicClient(true);
    realm.admin().clients().create(billing).close();
    String billingId = realm.admin().clients().findByClientId("billing").get(0).getId();
    RoleRepresentation payer = new RoleRepresentation();
    payer.setName("payer");
    realm.admin().clients().get(billingId).roles().create(payer);
    GroupRepresentation staff = new GroupRepresentation();
    staff.setName("staff");
    String staffId;
    try (Response created = realm.admin().groups().add(staff)) {
      staffId = CreatedResponseUtil.getCreatedId(created);
    }
    GroupRepresentation ops = new GroupRepresentation();
    ops.setName("ops");
    realm.admin().groups().group(staffId).subGroup(ops).close();
    realm.createOrganization("acme");
    realms.upstreamOidc(realm, "upstream");
    return realm;
  }

  /** {@code count} users named {@code <prefix>-<n>}, every one with every kind of data. */
  public static List<String> users(TestRealm realm, HttpApi admin, String prefix, int count) {
    List<String> ids = new ArrayList<>();
    String orgId = realm.admin().organizations().getAll().get(0).getId();
    String billingId = realm.admin().clients().findByClientId("billing").get(0).getId();
    String opsId =
        realm.admin().groups().query("ops", true).stream()
            .flatMap(g -> g.getSubGroups().stream())
            .filter(g -> g.getName().equals("ops"))
            .findFirst()
            .orElseThrow()
            .getId();
    for (int n = 0; n < count; n++) {
      String name = prefix + "-" + n;
      UserRepresentation rep = new UserRepresentation();
      rep.setUsername(name);
      rep.setEmail(name + "@example.test");
      rep.setEmailVerified(n % 2 == 0);
      rep.setFirstName("First " + n);
      rep.setLastName("Last, Jr.");
      rep.setRequiredActions(List.of("CONFIGURE_TOTP"));
      CredentialRepresentation otp = new CredentialRepresentation();
      otp.setType("otp");
      otp.setUserLabel("phone");
      otp.setSecretData("{\"value\":\"" + OTP_SECRET + "\"}");
      otp.setCredentialData(
          "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}");
      CredentialRepresentation password = new CredentialRepresentation();
      password.setType(CredentialRepresentation.PASSWORD);
      password.setValue("pw-" + name);
      password.setTemporary(false);
      rep.setCredentials(List.of(password, otp));
      rep.setEnabled(true);
      String id;
      try (Response created = realm.admin().users().create(rep)) {
        id = CreatedResponseUtil.getCreatedId(created);
      }
      ids.add(id);
      admin
          .send(
              "PATCH",
              "/admin/realms/" + realm.name() + "/user-data/users/" + id,
              "application/merge-patch+json",
              "{\"profile\":{\"nickname\":\"nick, "
                  + n
                  + "\"},\"custom_data\":{\"plan\":\""
                  + (n % 3 == 0 ? "pro" : "free")
                  + "\",\"seats\":"
                  + n
                  + ",\"address\":{\"city\":\"Lyon\",\"lines\":[\"1 rue\",\"\\\"B\\\"\"]}},"
                  + "\"app_metadata\":{\"crm_id\":\"C-"
                  + n
                  + "\"},\"user_metadata\":{\"theme\":\"dark\"}}")
          .requireStatus(200);
      realm.admin().users().get(id).roles().realmLevel().add(List.of(role(realm, "vip")));
      realm
          .admin()
          .users()
          .get(id)
          .roles()
          .clientLevel(billingId)
          .add(
              List.of(
                  realm.admin().clients().get(billingId).roles().get("payer").toRepresentation()));
      realm.admin().users().get(id).joinGroup(opsId);
      realm.admin().organizations().get(orgId).members().addMember(id).close();
      admin
          .send(
              "PATCH",
              "/admin/realms/" + realm.name() + "/user-data/users/" + id,
              "application/merge-patch+json",
              "{\"org\":{\"acme\":{\"department\":\"R&D " + n + "\"}}}")
          .requireStatus(200);
      FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
      link.setIdentityProvider("upstream");
      link.setUserId("up-" + n);
      link.setUserName(name + "-up");
      realm.admin().users().get(id).addFederatedIdentity("upstream", link).close();
    }
    return ids;
  }

  private static RoleRepresentation role(TestRealm realm, String name) {
    return realm.admin().roles().get(name).toRepresentation();
  }

  public static List<JsonNode> ndjson(String body) {
    List<JsonNode> records = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (!line.isBlank()) {
        try {
          records.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException("not a JSON line: " + line, e);
        }
      }
    }
    return records;
  }
}
