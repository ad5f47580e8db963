package io.kcuserdata.it.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.DistributionServer;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.PostgresServer;
import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Two Keycloak nodes sharing one PostgreSQL: both dispatchers claim from the same outbox, and each
 * message of a burst reaches the receiver exactly once.
 */
class WebhooksClusterIT {

  private static final int USERS = 40;
  private static final int ENDPOINTS = 5;

  @Test
  void twoNodesDeliverEachMessageOfABurstExactlyOnce() throws Exception {
    Path target = Path.of(System.getProperty("kc.home", "target/keycloak")).getParent();
    List<DistributionServer> nodes = new ArrayList<>();
    try (PostgresServer postgres = PostgresServer.start(target.resolve("postgres"));
        Receiver receiver = new Receiver()) {
      // Slow enough that one node's workers cannot drain the burst alone.
      receiver.answers(
          request -> {
            Thread.sleep(30);
            return Response.text(200, "ok");
          });
      nodes.add(DistributionServer.startCopy("keycloak-node-a", postgres.keycloakOptions()));
      nodes.add(DistributionServer.startCopy("keycloak-node-b", postgres.keycloakOptions()));
      try (Keycloak admin = admin(nodes.get(0));
          Keycloak adminB = admin(nodes.get(1))) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm("cluster");
        realm.setEnabled(true);
        realm.setEventsListeners(List.of("userdata-webhooks"));
        admin.realms().create(realm);
        HttpApi api = HttpApi.asAdmin(nodes.get(0), admin);
        for (int i = 0; i < ENDPOINTS; i++) {
          api.send(
              "POST",
              "/admin/realms/cluster/user-data/webhooks",
              "application/json",
              "{\"url\":\"" + receiver.url() + "\",\"events\":[\"user.created\"]}");
        }
        for (int i = 0; i < USERS; i++) {
          UserRepresentation user = new UserRepresentation();
          user.setUsername("burst-" + i);
          user.setEnabled(true);
          // Half the burst through each node, as behind a load balancer: each node's commits
          // wake its own dispatcher, and both race for every message through the shared table.
          (i % 2 == 0 ? admin : adminB).realm("cluster").users().create(user).close();
        }
      }
      int expected = USERS * ENDPOINTS;
      WebhooksDeliveryIT.waitFor(() -> receiver.received().size() >= expected);
      Thread.sleep(3000); // a duplicate would arrive within this

      Map<String, Long> perId =
          receiver.received().stream()
              .collect(Collectors.groupingBy(WebhooksClusterIT::webhookId, Collectors.counting()));
      assertThat(perId).hasSize(expected);
      assertThat(perId.values()).allMatch(n -> n == 1);
      for (DistributionServer node : nodes) {
        assertThat(delivered(node)).as("deliveries by " + node.baseUrl()).isPositive();
      }
    } finally {
      nodes.forEach(DistributionServer::close);
    }
  }

  private static String webhookId(RecordedRequest request) {
    return request.header("webhook-id");
  }

  /** This node's delivered count, from its own metrics. */
  private static double delivered(DistributionServer node) throws Exception {
    URI metrics = node.managementUrl().orElseThrow().resolve("/metrics");
    String text =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    return text.lines()
        .filter(l -> l.startsWith("userdata_webhooks_deliveries_total") && l.contains("delivered"))
        .map(l -> l.substring(l.lastIndexOf(' ') + 1))
        .mapToDouble(Double::parseDouble)
        .sum();
  }

  private static Keycloak admin(DistributionServer server) {
    return Keycloak.getInstance(
        server.baseUrl().toString(),
        "master",
        server.adminUser(),
        server.adminPassword(),
        "admin-cli");
  }
}
