package io.kcuserdata.it.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kcuserdata.it.harness.DistributionServer;
import io.kcuserdata.it.harness.HttpApi;
import io.kcuserdata.it.harness.TestHttpServer.RecordedRequest;
import io.kcuserdata.it.harness.TestHttpServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak killed with SIGKILL while messages are queued and deliveries are in flight: after the
 * restart every message is delivered. Runs its own server (a copy of the distribution, database in
 * a file) so the shared one is not touched.
 */
class WebhooksCrashIT {

  private static final int USERS = 10;

  @Test
  void everyMessageQueuedBeforeAKillIsDeliveredAfterTheRestart() throws Exception {
    DistributionServer server = DistributionServer.startCopy("keycloak-crash");
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean up = new AtomicBoolean(false);
    try (Receiver receiver = new Receiver()) {
      // Before the crash the receiver holds every request open: deliveries are in flight.
      receiver.answers(
          request -> {
            if (!up.get()) {
              release.await(60, TimeUnit.SECONDS);
              return Response.text(503, "was hung");
            }
            return Response.text(200, "ok");
          });
      String endpointId;
      try (Keycloak admin = admin(server)) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm("crash");
        realm.setEnabled(true);
        realm.setEventsListeners(List.of("userdata-webhooks"));
        admin.realms().create(realm);
        HttpApi api = HttpApi.asAdmin(server, admin);
        endpointId =
            api.send(
                    "POST",
                    "/admin/realms/crash/user-data/webhooks",
                    "application/json",
                    "{\"url\":\"" + receiver.url() + "\",\"events\":[\"user.created\"]}")
                .json()
                .path("id")
                .asText();
        for (int i = 0; i < USERS; i++) {
          UserRepresentation user = new UserRepresentation();
          user.setUsername("user-" + i);
          user.setEnabled(true);
          admin.realm("crash").users().create(user).close();
        }
      }
      // The file database flushes commits within half a second; the deliveries are still hung.
      Thread.sleep(1500);
      int beforeKill = receiver.received().size();

      server.kill();
      up.set(true);
      release.countDown();
      server = server.restart();

      Set<String> delivered = awaitDistinctIds(receiver, USERS, Duration.ofSeconds(60));
      try (Keycloak admin = admin(server)) {
        HttpApi api = HttpApi.asAdmin(server, admin);
        String deliveredLog =
            "/admin/realms/crash/user-data/webhooks/" + endpointId + "/deliveries?status=delivered";
        // Recorded a moment after the receiver saw them.
        WebhooksDeliveryIT.waitFor(() -> api.get(deliveredLog).json().size() >= USERS);
        JsonNode log = api.get(deliveredLog).json();
        assertThat(beforeKill).as("deliveries in flight at the kill").isPositive();
        assertThat(delivered).hasSize(USERS);
        assertThat(log.size()).isEqualTo(USERS);
      }
    } finally {
      release.countDown();
      server.close();
    }
  }

  private static Keycloak admin(DistributionServer server) {
    return Keycloak.getInstance(
        server.baseUrl().toString(),
        "master",
        server.adminUser(),
        server.adminPassword(),
        "admin-cli");
  }

  /** The webhook-ids of user.created messages the receiver got, once there are {@code n}. */
  private static Set<String> awaitDistinctIds(Receiver receiver, int n, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    Set<String> ids = Set.of();
    while (System.nanoTime() < end) {
      ids =
          receiver.received().stream()
              .map(RecordedRequest::headers)
              .map(
                  h ->
                      h.entrySet().stream()
                          .filter(e -> e.getKey().equalsIgnoreCase("webhook-id"))
                          .flatMap(e -> e.getValue().stream())
                          .findFirst()
                          .orElse(""))
              .collect(Collectors.toSet());
      if (ids.size() >= n) {
        return ids;
      }
      Thread.sleep(200);
    }
    return ids;
  }
}
