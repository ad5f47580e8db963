package io.kcuserdata.it.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.Realms;
import io.kcuserdata.it.harness.TestRealm;
import io.kcuserdata.it.harness.TestSmtpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Organizations {@code acme} (lead, member-a, both) and {@code globex} (member-b, both), with
 * {@code lead} named delegated admin of acme, org data for {@code both} in each, and the realm's
 * mail going to an SMTP server in the test JVM. {@code lead} calls with a token of a client the
 * server lets reach the delegated-admin API.
 */
final class TwoOrganizations implements AutoCloseable {

  TestRealm realm;
  HttpApi admin;
  TestSmtpServer smtp;
  String acme;
  String globex;
  String leadId;
  String memberA;
  String memberB;
  String both;
  HttpApi lead;

  TwoOrganizations(Realms realms, HttpApi admin) {
    this.admin = admin;
    smtp = TestSmtpServer.start();
    realm =
        realms.create(
            r -> {
              r.setOrganizationsEnabled(true);
              r.setAdminEventsEnabled(true);
              r.setAdminEventsDetailsEnabled(true);
              r.setSmtpServer(
                  Map.of(
                      "host", "127.0.0.1",
                      "port", Integer.toString(smtp.port()),
                      "from", "keycloak@example.test"));
            });
    leadId = realm.createUser("lead", "pw-lead-1");
    memberA = realm.createUser("member-a", "pw-a-1");
    memberB = realm.createUser("member-b", "pw-b-1");
    both = realm.createUser("both", "pw-both-1");
    acme = realm.createOrganization("acme", leadId, memberA, both);
    globex = realm.createOrganization("globex", memberB, both);
    admin
        .send(
            "PATCH",
            path("/admin/realms/%s/user-data/users/" + both),
            "application/merge-patch+json",
            "{\"org\":{\"acme\":{\"team\":\"red\"},\"globex\":{\"secret\":\"g-1\"}}}")
        .requireStatus(200);
    admin
        .send(
            "PUT",
            path("/admin/realms/%s/user-data/organizations/" + acme + "/admins/" + leadId),
            null,
            null)
        .requireStatus(204);
    realm.addPublicClient(TestRealm.LISTED_DELEGATED_ADMIN_CLIENT_ID);
    lead = delegatedAdmin("lead", "pw-lead-1");
  }

  /**
   * Calls with the user's token issued to the client the server's {@code delegated-admin-clients}
   * option names, as the delegated-admin API requires.
   */
  HttpApi delegatedAdmin(String username, String password) {
    return realm.http(
        realm
            .tokens()
            .password(TestRealm.LISTED_DELEGATED_ADMIN_CLIENT_ID, username, password, "openid")
            .accessToken());
  }

  @Override
  public void close() {
    smtp.close();
  }

  String path(String format) {
    return String.format(format, realm.name());
  }

  String members(String orgId) {
    return path("/realms/%s/user-data/organizations/" + orgId + "/members");
  }

  static List<String> usernames(JsonNode members) {
    List<String> names = new ArrayList<>();
    members.forEach(m -> names.add(m.path("username").asText()));
    return names;
  }
}
