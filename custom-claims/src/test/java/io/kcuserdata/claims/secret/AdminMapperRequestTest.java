package io.kcuserdata.claims.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.claims.secret.AdminMapperRequest.Shape;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminMapperRequestTest {

  @Nested
  class RequestsThatMayCarryAMapperSecret {

    @ParameterizedTest
    @CsvSource({
      "POST, /admin/realms/acme/clients/c1/protocol-mappers/models, MAPPER",
      "PUT, /admin/realms/acme/clients/c1/protocol-mappers/models/m1, MAPPER",
      "POST, /admin/realms/acme/clients/c1/protocol-mappers/add-models, MAPPERS",
      "POST, /admin/realms/acme/client-scopes/s1/protocol-mappers/models, MAPPER",
      "PUT, /admin/realms/acme/client-scopes/s1/protocol-mappers/models/m1, MAPPER",
      "POST, /admin/realms/acme/client-scopes/s1/protocol-mappers/add-models, MAPPERS",
      "POST, /admin/realms/acme/client-templates/s1/protocol-mappers/models, MAPPER",
      "POST, /admin/realms/acme/clients, CONTAINER",
      "PUT, /admin/realms/acme/clients/c1, CONTAINER",
      "POST, /admin/realms/acme/client-scopes, CONTAINER",
      "PUT, /admin/realms/acme/client-scopes/s1, CONTAINER",
      "POST, /admin/realms/acme/partialImport, REALM",
      "PUT, /admin/realms/acme, REALM"
    })
    void areKnownWithTheirRealmAndWhereTheMappersAre(String method, String path, Shape shape) {
      assertThat(AdminMapperRequest.of(method, path))
          .contains(new AdminMapperRequest("acme", shape));
    }

    @Test
    void areKnownBehindKeycloaksHttpRelativePathAndWithATrailingSlash() {
      assertThat(AdminMapperRequest.of("POST", "/auth/admin/realms/acme/clients/"))
          .contains(new AdminMapperRequest("acme", Shape.CONTAINER));
      assertThat(AdminMapperRequest.of("PUT", "admin/realms/acme/"))
          .contains(new AdminMapperRequest("acme", Shape.REALM));
    }
  }

  @Nested
  class OtherRequests {

    @ParameterizedTest
    @CsvSource({
      "GET, /admin/realms/acme/clients/c1/protocol-mappers/models",
      "DELETE, /admin/realms/acme/clients/c1/protocol-mappers/models/m1",
      "PUT, /admin/realms/acme/clients/c1/protocol-mappers/models",
      "POST, /admin/realms/acme/clients/c1/protocol-mappers/models/m1",
      "POST, /admin/realms/acme/clients/c1",
      "PUT, /admin/realms/acme/clients",
      "POST, /admin/realms/acme/clients/c1/roles",
      "POST, /admin/realms/acme/identity-provider/instances/up/mappers",
      "POST, /admin/realms/acme/users",
      "PUT, /admin/realms/acme/partialImport",
      "POST, /admin/realms/acme",
      "POST, /admin/realms",
      "POST, /realms/acme/protocol/openid-connect/token",
      "POST, /realms/acme/clients-registrations/default",
      "POST, /xadmin/realms/acme/clients"
    })
    void areNotTouched(String method, String path) {
      assertThat(AdminMapperRequest.of(method, path)).isEmpty();
    }
  }
}
