package io.kcuserdata.admin.delegation;

import static io.kcuserdata.admin.testing.ApiErrors.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DelegatedAdminClientsTest {

  @Nested
  class WithoutTheOption {

    @Test
    void acceptsThePagesClientOnly() {
      DelegatedAdminClients clients = DelegatedAdminClients.parse(null);

      assertThat(clients.accepts("userdata-delegated-admin")).isTrue();
      assertThat(clients.accepts("test-app")).isFalse();
      assertThat(clients.accepts(null)).isFalse();
      assertThat(DelegatedAdminClients.parse("  ").toString())
          .isEqualTo("userdata-delegated-admin");
    }
  }

  @Nested
  class WithTheOption {

    @Test
    void acceptsTheListedClientsBesidesThePagesOne() {
      DelegatedAdminClients clients = DelegatedAdminClients.parse(" portal , helpdesk-app");

      assertThat(clients.accepts("portal")).isTrue();
      assertThat(clients.accepts("helpdesk-app")).isTrue();
      assertThat(clients.accepts("userdata-delegated-admin")).isTrue();
      assertThat(clients.accepts("Portal")).isFalse();
      assertThat(clients.toString()).isEqualTo("userdata-delegated-admin,helpdesk-app,portal");
    }

    @Test
    void aValueThatIsNotAListOfClientIdsStopsTheServerWithTheReason() {
      assertThatThrownBy(() -> DelegatedAdminClients.parse("portal,,x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("delegated-admin-clients")
          .hasMessageContaining("an empty client id");
      assertThatThrownBy(() -> DelegatedAdminClients.parse("portal,"))
          .hasMessageContaining("an empty client id");
      assertThatThrownBy(() -> DelegatedAdminClients.parse("*"))
          .hasMessageContaining("there is no wildcard");
      assertThatThrownBy(() -> DelegatedAdminClients.parse("my app"))
          .hasMessageContaining("'my app' (not a client id)");
    }
  }

  @Test
  void aTokenOfAnotherClientIsRefusedNamingTheRule() {
    DelegatedAdminClients clients = DelegatedAdminClients.parse("portal");

    assertThat(error(() -> clients.requireAccepted("test-app"), 403, "forbidden"))
        .isEqualTo(
            "the delegated-admin API takes tokens issued to client userdata-delegated-admin or to"
                + " a client the server option delegated-admin-clients lists; this token was"
                + " issued to 'test-app'");
    assertThat(error(() -> clients.requireAccepted(null), 403, "forbidden"))
        .endsWith("issued to no client");
  }
}
