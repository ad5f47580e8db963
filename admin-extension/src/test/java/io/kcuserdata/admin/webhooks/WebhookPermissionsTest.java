package io.kcuserdata.admin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.admin.http.ApiError;
import io.kcuserdata.events.webhooks.catalog.PayloadExtra;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebhookPermissionsTest {

  private static final Set<PayloadExtra> APP_METADATA = EnumSet.of(PayloadExtra.APP_METADATA);
  private static final Set<PayloadExtra> NOTHING = EnumSet.noneOf(PayloadExtra.class);

  private final WebhookPermissions eventsOnly = new WebhookPermissions(false);
  private final WebhookPermissions mayViewUsers = new WebhookPermissions(true);

  private static Consumer<Set<PayloadExtra>>[] every(WebhookPermissions permissions) {
    @SuppressWarnings("unchecked")
    Consumer<Set<PayloadExtra>>[] checks =
        new Consumer[] {
          (Consumer<Set<PayloadExtra>>) permissions::requireToConfigure,
          (Consumer<Set<PayloadExtra>>) permissions::requireToRotate,
          (Consumer<Set<PayloadExtra>>) permissions::requireToMove,
          (Consumer<Set<PayloadExtra>>) permissions::requireToResend
        };
    return checks;
  }

  @Nested
  class ACallerWhoMayNotViewUsers {

    @Test
    void isRefusedEveryActionThatSendsAppMetadata() {
      for (Consumer<Set<PayloadExtra>> check : every(eventsOnly)) {
        assertThatThrownBy(() -> check.accept(APP_METADATA))
            .isInstanceOfSatisfying(
                ApiError.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(403))
            .hasMessageContaining("app_metadata (includeAppMetadata)")
            .hasMessageContaining("view-users");
      }
    }

    @Test
    void mayDoWhatSendsNoUsersData() {
      for (Consumer<Set<PayloadExtra>> check : every(eventsOnly)) {
        assertThatCode(() -> check.accept(NOTHING)).doesNotThrowAnyException();
      }
    }

    @Test
    void doesNotSeeWhatReceiversAnswered() {
      assertThat(eventsOnly.mayReadResponses()).isFalse();
    }
  }

  @Nested
  class ACallerWhoMayViewUsers {

    @Test
    void mayDoEverything() {
      for (Consumer<Set<PayloadExtra>> check : every(mayViewUsers)) {
        assertThatCode(() -> check.accept(APP_METADATA)).doesNotThrowAnyException();
      }
      assertThat(mayViewUsers.mayReadResponses()).isTrue();
    }
  }
}
