package io.kcuserdata.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.core.json.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

class ClientAccessGuardTest {

  @Nested
  class TheDirectGrantRefusal {

    // Building a Response needs a JAX-RS runtime, absent from unit tests: its parts are checked.

    @Test
    void isA400AsForADisabledUser() {
      assertThat(ClientAccessGuard.DIRECT_GRANT_STATUS.getStatusCode()).isEqualTo(400);
    }

    @Test
    void isAnOAuthAccessDeniedErrorWithTheMessageThePersonSees() {
      OAuth2ErrorRepresentation body = ClientAccessGuard.directGrantError();

      assertThat(body.getError()).isEqualTo("access_denied");
      assertThat(body.getErrorDescription())
          .isEqualTo("You cannot sign in to this application. Contact your administrator.");
    }

    @Test
    void serializesWithTheOAuthFieldNames() throws Exception {
      assertThat(Json.MAPPER.writeValueAsString(ClientAccessGuard.directGrantError()))
          .isEqualTo(
              "{\"error\":\"access_denied\",\"error_description\":"
                  + "\"You cannot sign in to this application. Contact your administrator.\"}");
    }
  }

  @Test
  void recognisesTheDirectGrantFlowByThePathKeycloakGivesIt() {
    // ResourceOwnerPasswordCredentialsGrantType runs the flow with setFlowPath("token").
    assertThat(ClientAccessGuard.DIRECT_GRANT_FLOW_PATH).isEqualTo("token");
  }
}
