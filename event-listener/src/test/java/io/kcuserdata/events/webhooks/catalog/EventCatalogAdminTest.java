package io.kcuserdata.events.webhooks.catalog;

import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.ORGANIZATION_MEMBER_ADDED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.ORGANIZATION_MEMBER_REMOVED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_CREATED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_DATA_UPDATED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_DELETED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_IDENTITY_LINKED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_IDENTITY_UNLINKED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_PASSWORD_CHANGED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_SUSPENDED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_UNSUSPENDED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.keycloak.events.admin.OperationType.ACTION;
import static org.keycloak.events.admin.OperationType.CREATE;
import static org.keycloak.events.admin.OperationType.DELETE;
import static org.keycloak.events.admin.OperationType.UPDATE;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/** {@link EventCatalog#forAdminEvent}, with resource paths as Keycloak 26.7 writes them. */
class EventCatalogAdminTest {

  private static List<WebhookEventType> admin(String type, OperationType op, String path) {
    return EventCatalog.forAdminEvent(type, op, path, Map.of());
  }

  private static List<WebhookEventType> action(String path, String action) {
    return EventCatalog.forAdminEvent("USER", ACTION, path, Map.of("action", action));
  }

  @Nested
  class UserResource {

    @Test
    void creatingAUserIsUserCreated() {
      assertThat(admin("USER", CREATE, "users/u-1")).containsExactly(USER_CREATED);
    }

    @Test
    void updatingAUserIsUserUpdated() {
      assertThat(admin("USER", UPDATE, "users/u-1")).containsExactly(USER_UPDATED);
      assertThat(admin("USER", UPDATE, "user-data/users/u-1/blocked-clients"))
          .containsExactly(USER_UPDATED);
    }

    @Test
    void deletingAUserIsUserDeleted() {
      assertThat(admin("USER", DELETE, "users/u-1")).containsExactly(USER_DELETED);
    }

    @Test
    void linkingAnIdentityProviderIsACreateOnTheUserResourceAndMeansIdentityLinked() {
      assertThat(admin("USER", CREATE, "users/u-1/federated-identity/github"))
          .containsExactly(USER_IDENTITY_LINKED);
    }

    @Test
    void unlinkingAnIdentityProviderIsADeleteOnTheUserResourceAndMeansIdentityUnlinked() {
      assertThat(admin("USER", DELETE, "users/u-1/federated-identity/github"))
          .containsExactly(USER_IDENTITY_UNLINKED);
    }

    @Test
    void aCreateOrDeleteOnAnotherSubResourceIsNeitherCreatedNorDeleted() {
      assertThat(admin("USER", CREATE, "users/u-1/something-new")).isEmpty();
      assertThat(admin("USER", DELETE, "users/u-1/consents/app")).isEmpty();
    }

    @Test
    void thePacksSuspendAndUnsuspendActionsAreSuspendedAndUnsuspended() {
      assertThat(action("user-data/users/u-1/suspend", "suspend")).containsExactly(USER_SUSPENDED);
      assertThat(action("user-data/users/u-1/unsuspend", "unsuspend"))
          .containsExactly(USER_UNSUSPENDED);
    }

    @Test
    void anAdminSettingAPasswordIsPasswordChanged() {
      assertThat(admin("USER", ACTION, "users/u-1/reset-password"))
          .containsExactly(USER_PASSWORD_CHANGED);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "users/u-1/reset-password-email",
          "users/u-1/execute-actions-email",
          "users/u-1/send-verify-email",
          "users/u-1/logout",
          "users/u-1/credentials/c-1",
          "users/u-1/consents/app"
        })
    void otherActionsAreNothing(String path) {
      assertThat(admin("USER", ACTION, path)).isEmpty();
      assertThat(action(path, "export")).isEmpty();
    }
  }

  @Nested
  class UserDataResource {

    @Test
    void anUpdateIsDataUpdated() {
      assertThat(admin("USER_DATA", UPDATE, "user-data/users/u-1"))
          .containsExactly(USER_DATA_UPDATED);
      assertThat(admin("USER_DATA", UPDATE, "user-data/users/u-1/custom_data"))
          .containsExactly(USER_DATA_UPDATED);
    }

    @Test
    void anExportActionIsNothing() {
      assertThat(
              EventCatalog.forAdminEvent(
                  "USER_DATA", ACTION, "user-data/users/u-1/export", Map.of("action", "export")))
          .isEmpty();
    }
  }

  @Nested
  class OrganizationMembershipResource {

    @Test
    void addingAMemberIsACreateOnTheMembersCollectionAndMeansMemberAdded() {
      assertThat(admin("ORGANIZATION_MEMBERSHIP", CREATE, "organizations/o-1/members"))
          .containsExactly(ORGANIZATION_MEMBER_ADDED);
    }

    @Test
    void removingAMemberIsMemberRemoved() {
      assertThat(admin("ORGANIZATION_MEMBERSHIP", DELETE, "organizations/o-1/members/u-1"))
          .containsExactly(ORGANIZATION_MEMBER_REMOVED);
    }

    @Test
    void invitationsShareTheResourceTypeButAreNoMembershipChange() {
      assertThat(admin("ORGANIZATION_MEMBERSHIP", DELETE, "organizations/o-1/invitations/i-1"))
          .isEmpty();
      assertThat(admin("ORGANIZATION_MEMBERSHIP", ACTION, "organizations/o-1/members/invite-user"))
          .isEmpty();
      assertThat(
              admin(
                  "ORGANIZATION_MEMBERSHIP",
                  ACTION,
                  "organizations/o-1/members/invite-existing-user"))
          .isEmpty();
    }
  }

  @Nested
  class EverythingElse {

    @ParameterizedTest
    @EnumSource(
        value = ResourceType.class,
        names = {"USER", "ORGANIZATION_MEMBERSHIP"},
        mode = EnumSource.Mode.EXCLUDE)
    void otherKeycloakResourceTypesAreNothing(ResourceType type) {
      for (OperationType op : OperationType.values()) {
        assertThat(admin(type.name(), op, "users/u-1")).isEmpty();
      }
    }

    @Test
    void anUnknownOrMissingResourceTypeOrOperationIsNothing() {
      assertThat(admin("SOMETHING_ELSE", CREATE, "users/u-1")).isEmpty();
      assertThat(admin(null, CREATE, "users/u-1")).isEmpty();
      assertThat(admin("USER", null, "users/u-1")).isEmpty();
    }

    @Test
    void missingDetailsAreTolerated() {
      assertThat(EventCatalog.forAdminEvent("USER", ACTION, "users/u-1/suspend", null)).isEmpty();
    }
  }
}
