package io.kcuserdata.events.webhooks.catalog;

import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_CREATED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_DATA_UPDATED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_DELETED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_EMAIL_VERIFIED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_IDENTITY_LINKED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_IDENTITY_UNLINKED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_LOGIN;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_LOGIN_FAILED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_LOGOUT;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_PASSWORD_CHANGED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_PASSWORD_RESET;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_REGISTERED;
import static io.kcuserdata.events.webhooks.catalog.WebhookEventType.USER_UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.events.EventType;

class EventCatalogTest {

  private static List<WebhookEventType> user(EventType type) {
    return EventCatalog.forUserEvent(type, Map.of());
  }

  private static List<WebhookEventType> user(EventType type, String key, String value) {
    return EventCatalog.forUserEvent(type, Map.of(key, value));
  }

  @Nested
  class TheWireNames {

    @Test
    void areThePublishedOnesInThePublishedOrder() {
      assertThat(Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName))
          .containsExactly(
              "user.created",
              "user.registered",
              "user.updated",
              "user.data.updated",
              "user.deleted",
              "user.login",
              "user.login_failed",
              "user.logout",
              "user.email_verified",
              "user.password_changed",
              "user.password_reset",
              "user.suspended",
              "user.unsuspended",
              "user.identity_linked",
              "user.identity_unlinked",
              "organization.member_added",
              "organization.member_removed",
              "ping");
    }

    @ParameterizedTest
    @EnumSource(WebhookEventType.class)
    void leadBackToTheirType(WebhookEventType type) {
      assertThat(WebhookEventType.byWireName(type.wireName())).contains(type);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "USER.LOGIN", "USER_LOGIN", "user.*", "user.login ", "user"})
    void matchNothingElseExactly(String name) {
      assertThat(WebhookEventType.byWireName(name)).isEmpty();
    }
  }

  @Nested
  class UserEvents {

    @Test
    void aRegistrationBothCreatesAndRegistersTheUser() {
      assertThat(user(EventType.REGISTER)).containsExactly(USER_CREATED, USER_REGISTERED);
    }

    @Test
    void aFirstBrokerLoginRegistrationDoesTheSame() {
      assertThat(user(EventType.REGISTER, "identity_provider", "github"))
          .containsExactly(USER_CREATED, USER_REGISTERED);
    }

    @Test
    void loginLoginErrorAndLogoutMapOneToOne() {
      assertThat(user(EventType.LOGIN)).containsExactly(USER_LOGIN);
      assertThat(user(EventType.LOGIN_ERROR)).containsExactly(USER_LOGIN_FAILED);
      assertThat(user(EventType.LOGOUT)).containsExactly(USER_LOGOUT);
    }

    @Test
    void verifyEmailIsEmailVerified() {
      assertThat(user(EventType.VERIFY_EMAIL)).containsExactly(USER_EMAIL_VERIFIED);
    }

    @Test
    void updateCredentialOfTypePasswordIsPasswordChanged() {
      assertThat(user(EventType.UPDATE_CREDENTIAL, "credential_type", "password"))
          .containsExactly(USER_PASSWORD_CHANGED);
    }

    @Test
    void updateCredentialOfAnotherTypeIsNothing() {
      assertThat(user(EventType.UPDATE_CREDENTIAL, "credential_type", "otp")).isEmpty();
      assertThat(user(EventType.UPDATE_CREDENTIAL)).isEmpty();
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedUpdatePasswordTwinIsNothingSoAChangeIsDeliveredOnce() {
      assertThat(user(EventType.UPDATE_PASSWORD)).isEmpty();
    }

    @Test
    void resetPasswordIsPasswordReset() {
      assertThat(user(EventType.RESET_PASSWORD)).containsExactly(USER_PASSWORD_RESET);
    }

    @Test
    void theResetEmailGoingOutIsPasswordReset() {
      assertThat(user(EventType.SEND_RESET_PASSWORD)).containsExactly(USER_PASSWORD_RESET);
    }

    @Test
    void profileAndEmailUpdatesAreUserUpdated() {
      assertThat(user(EventType.UPDATE_PROFILE)).containsExactly(USER_UPDATED);
      assertThat(user(EventType.UPDATE_EMAIL)).containsExactly(USER_UPDATED);
    }

    @Test
    void aProfileUpdateNamingUserDataNamespacesIsDataUpdated() {
      assertThat(user(EventType.UPDATE_PROFILE, "userdata_namespaces", "user_metadata"))
          .containsExactly(USER_DATA_UPDATED);
    }

    @Test
    void identityLinksMapToLinkedAndUnlinked() {
      assertThat(user(EventType.FEDERATED_IDENTITY_LINK)).containsExactly(USER_IDENTITY_LINKED);
      assertThat(user(EventType.REMOVE_FEDERATED_IDENTITY)).containsExactly(USER_IDENTITY_UNLINKED);
    }

    @Test
    void deleteAccountIsUserDeleted() {
      assertThat(user(EventType.DELETE_ACCOUNT)).containsExactly(USER_DELETED);
    }

    @ParameterizedTest
    @EnumSource(
        value = EventType.class,
        names = {
          "CODE_TO_TOKEN",
          "REFRESH_TOKEN",
          "CLIENT_LOGIN",
          "REGISTER_ERROR",
          "UPDATE_PROFILE_ERROR",
          "DELETE_ACCOUNT_ERROR",
          "SEND_VERIFY_EMAIL",
          "IMPERSONATE",
          "USER_SESSION_DELETED"
        })
    void anythingElseIsNothing(EventType type) {
      assertThat(user(type)).isEmpty();
    }

    @Test
    void noTypeOrNoDetailsIsTolerated() {
      assertThat(EventCatalog.forUserEvent(null, Map.of())).isEmpty();
      assertThat(EventCatalog.forUserEvent(EventType.LOGIN, null)).containsExactly(USER_LOGIN);
      assertThat(EventCatalog.forUserEvent(EventType.UPDATE_CREDENTIAL, null)).isEmpty();
    }
  }
}
