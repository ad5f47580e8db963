package io.kcuserdata.it.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.kcuserdata.it.harness.KeycloakIT;
import io.kcuserdata.it.harness.Realms;
import jakarta.ws.rs.WebApplicationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig.UnmanagedAttributePolicy;

/**
 * Keycloak's own {@code PUT /admin/realms/{realm}/users/{id}}: admins read namespaced data there
 * but write it only through the pack's API, so a PUT neither changes nor drops it.
 */
@KeycloakIT
class AdminUsersApiEnforcementIT {

  @Nested
  class WithAdminEditOfUnmanagedAttributes {

    @Test
    void aPutChangingEveryNamespaceChangesNothing(Realms realms) {
      SeededRealm seeded = SeededRealm.create(realms, UnmanagedAttributePolicy.ADMIN_EDIT);
      UserRepresentation alice =
          seeded.realm.admin().users().get(seeded.aliceId).toRepresentation();
      Map<String, List<String>> attributes = new HashMap<>(alice.getAttributes());
      SeededRealm.overwriteEverything()
          .forEach((name, value) -> attributes.put(name, List.of(value)));
      alice.setAttributes(attributes);

      try {
        seeded.realm.admin().users().get(seeded.aliceId).update(alice);
      } catch (WebApplicationException refused) {
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
      }

      assertThat(seeded.namespaced()).isEqualTo(SeededRealm.SEEDED);
    }

    @Test
    void aPutLeavingNamespacesOutDropsNothing(Realms realms) {
      SeededRealm seeded = SeededRealm.create(realms, UnmanagedAttributePolicy.ADMIN_EDIT);
      UserRepresentation alice =
          seeded.realm.admin().users().get(seeded.aliceId).toRepresentation();
      alice.setAttributes(new HashMap<>());
      alice.setFirstName("Alicia");

      seeded.realm.admin().users().get(seeded.aliceId).update(alice);

      assertThat(seeded.realm.admin().users().get(seeded.aliceId).toRepresentation().getFirstName())
          .isEqualTo("Alicia");
      assertThat(seeded.namespaced()).isEqualTo(SeededRealm.SEEDED);
    }
  }

  @Nested
  class WithAdminViewOfUnmanagedAttributes {

    @Test
    void adminsReadEveryNamespaceIncludingStatus(Realms realms) {
      SeededRealm seeded = SeededRealm.create(realms, UnmanagedAttributePolicy.ADMIN_VIEW);

      assertThat(seeded.namespaced()).isEqualTo(SeededRealm.SEEDED);
    }
  }
}
