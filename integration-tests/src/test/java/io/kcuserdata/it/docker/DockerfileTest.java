package io.kcuserdata.it.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The image is built on the Keycloak the pack is built and tested against. */
class DockerfileTest {

  private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));

  @Test
  void baseImageVersionIsThePomsKeycloakVersion() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));

    assertThat(dockerfile).contains("ARG KEYCLOAK_VERSION=" + System.getProperty("kc.version"));
  }

  @Test
  void composeImportsTheDemoRealmTheTestsCheck() throws Exception {
    String compose = Files.readString(ROOT.resolve("docker/compose.yaml"));

    assertThat(compose).contains("../demo/realm-demo.json:/opt/keycloak/data/import/");
    assertThat(ROOT.resolve("demo/realm-demo.json")).isRegularFile();
  }
}
