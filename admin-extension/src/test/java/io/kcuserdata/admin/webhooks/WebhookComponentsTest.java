package io.kcuserdata.admin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kcuserdata.core.signing.WebhookSecret;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.representations.idm.ComponentRepresentation;

class WebhookComponentsTest {

  private static ComponentModel entry(String secret) {
    ComponentModel model = new ComponentModel();
    if (secret != null) {
      model.put(WebhookComponents.SECRET, secret);
    }
    return model;
  }

  @Nested
  class ATypedSecret {

    @Test
    void isAbsentWhenTheFieldIsEmptyOrKeycloaksMask() {
      assertThat(WebhookComponents.typedSecret(entry(null))).isNull();
      assertThat(WebhookComponents.typedSecret(entry("  "))).isNull();
      assertThat(WebhookComponents.typedSecret(entry(ComponentRepresentation.SECRET_VALUE)))
          .isNull();
    }

    @Test
    void isReadWhenItIsAWebhookSecret() {
      String typed = WebhookSecret.generate().encoded();

      assertThat(WebhookComponents.typedSecret(entry(typed)).encoded()).isEqualTo(typed);
    }

    @Test
    void isRefusedOtherwiseWithoutQuotingIt() {
      assertThatThrownBy(() -> WebhookComponents.typedSecret(entry("hunter2-hunter2")))
          .isInstanceOf(ComponentValidationException.class)
          .hasMessageContaining("whsec_")
          .hasMessageNotContaining("hunter2");
    }
  }

  @Nested
  class AnEntryDescribingAnEndpoint {

    @Test
    void neverCarriesASecret() {
      ComponentModel model = entry(WebhookSecret.generate().encoded());

      WebhookComponents.describe(
          model,
          new io.kcuserdata.events.webhooks.endpoint.Endpoint(
              "id-1",
              "realm-1",
              java.net.URI.create("https://hooks.example.test/x"),
              io.kcuserdata.events.webhooks.endpoint.EventPatterns.parse(
                  java.util.List.of("user.*")),
              true,
              null,
              false,
              null,
              0L));

      assertThat(model.getConfig()).doesNotContainKey(WebhookComponents.SECRET);
      assertThat(model.get(WebhookComponents.URL)).isEqualTo("https://hooks.example.test/x");
      assertThat(model.getConfig().getList(WebhookComponents.EVENTS)).containsExactly("user.*");
    }
  }
}
