package io.kcuserdata.it.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The docker files take the Keycloak release from one place, {@code docker/.env}, and that is the
 * release the pack is built and tested against; the compose setup imports the demo's realms.
 */
class DockerfileTest {

  private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));

  private static String read(String file) throws Exception {
    return Files.readString(ROOT.resolve(file));
  }

  @Nested
  class TheKeycloakVersion {

    @Test
    void isWrittenOnceInDotEnvAndEqualsThePomsVersion() throws Exception {
      assertThat(read("docker/.env"))
          .containsOnlyOnce("KEYCLOAK_VERSION=")
          .contains("KEYCLOAK_VERSION=" + System.getProperty("kc.version") + "\n");
    }

    @Test
    void isNotWrittenInTheDockerfileOrTheComposeFile() throws Exception {
      assertThat(read("docker/Dockerfile"))
          .contains("ARG KEYCLOAK_VERSION\n")
          .contains("FROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION} AS builder")
          .doesNotContain(System.getProperty("kc.version") + "\n");
      assertThat(read("docker/compose.yml"))
          .contains("KEYCLOAK_VERSION: ${KEYCLOAK_VERSION}")
          .doesNotContain(System.getProperty("kc.version"));
    }
  }

  @Nested
  class TheImage {

    @Test
    void runsAsTheUnprivilegedUserWithAHealthCheck() throws Exception {
      String dockerfile = read("docker/Dockerfile");

      assertThat(dockerfile)
          .contains("USER 1000")
          .contains("HEALTHCHECK")
          .contains("/health/ready");
      assertThat(dockerfile).contains("kc-userdata-bundle").contains("kc.sh build");
    }
  }

  @Nested
  class TheComposeSetup {

    @Test
    void importsTheSameRealmFilesAsTheDemo() throws Exception {
      assertThat(read("docker/compose.yml")).contains("../demo/realms:/opt/keycloak/data/import");
      assertThat(read("demo.sh")).contains("cp demo/realms/*.json");
      assertThat(ROOT.resolve("demo/realms/acme.json")).isRegularFile();
      assertThat(ROOT.resolve("demo/realms/upstream.json")).isRegularFile();
    }

    @Test
    void runsTheDemoServicesFromTheSameSource() throws Exception {
      assertThat(read("docker/compose.yml")).contains("../demo/services:/demo");
      assertThat(ROOT.resolve("demo/services/DemoServices.java")).isRegularFile();
    }
  }
}
