package io.kcuserdata.it.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The image {@code docker/Dockerfile} builds, started with Testcontainers Keycloak: the pack's
 * providers are loaded, and a token carries namespaced data through the pack's claim mapper.
 * Skipped, saying so, where no Docker engine runs (our CI machines have none).
 */
class KeycloakImageIT {

  private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath();

  @Test
  void theImageLoadsThePackAndATokenCarriesNamespacedData() {
    Assumptions.assumeTrue(
        dockerAvailable(),
        "No Docker engine is reachable (none on the CI machines): the image test is skipped."
            + " Run it where `docker info` works.");
    String image =
        new ImageFromDockerfile("kc-userdata-it", false)
            .withFileFromPath(".", ROOT)
            .withDockerfile(ROOT.resolve("docker/Dockerfile"))
            .withBuildArg("KEYCLOAK_VERSION", System.getProperty("kc.version"))
            .get();
    try (KeycloakContainer keycloak = new KeycloakContainer(image)) {
      keycloak.start();
      Keycloak admin = keycloak.getKeycloakAdminClient();
      ServerInfoRepresentation info = admin.serverInfo().getInfo();
      assertThat(info.getProviders().get("eventsListener").getProviders())
          .containsKeys("userdata-webhooks", "userdata-account-status");
      assertThat(info.getProviders().get("protocol-mapper").getProviders())
          .containsKeys("userdata-namespace-claim-mapper", "userdata-external-claims-mapper");

      admin.realms().create(realm());
      var token =
          Keycloak.getInstance(keycloak.getAuthServerUrl(), "image", "ada", "pw-ada-1", "app")
              .tokenManager()
              .getAccessTokenString();
      String payload =
          new String(
              java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(payload).contains("\"custom_data\":{\"plan\":\"pro\"}");
    }
  }

  private static RealmRepresentation realm() {
    ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
    mapper.setName("custom data");
    mapper.setProtocol("openid-connect");
    mapper.setProtocolMapper("userdata-namespace-claim-mapper");
    mapper.setConfig(
        Map.of(
            "namespace", "custom_data", "claim.name", "custom_data", "access.token.claim", "true"));
    ClientRepresentation app = new ClientRepresentation();
    app.setClientId("app");
    app.setPublicClient(true);
    app.setDirectAccessGrantsEnabled(true);
    app.setProtocolMappers(List.of(mapper));
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue("pw-ada-1");
    password.setTemporary(false);
    UserRepresentation ada = new UserRepresentation();
    ada.setUsername("ada");
    ada.setEmail("ada@example.test");
    ada.setFirstName("Ada");
    ada.setLastName("Lovelace");
    ada.setEmailVerified(true);
    ada.setEnabled(true);
    ada.setAttributes(Map.of("custom_data.plan", List.of("pro")));
    ada.setCredentials(List.of(password));
    RealmRepresentation realm = new RealmRepresentation();
    realm.setRealm("image");
    realm.setEnabled(true);
    realm.setClients(List.of(app));
    realm.setUsers(List.of(ada));
    return realm;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
